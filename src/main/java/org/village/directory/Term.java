package org.village.directory;

/** A need from the directory's taxonomy ("Support for parents and carers"). */
public record Term(long id, String uuid, String code, String name, String description) {
}
