package org.village.content;

import java.util.List;

/** A word the {@link GlossaryMarker} explains where it appears: its id, the word, what it means, and its forms. */
public interface GlossaryEntry {

    long id();

    String term();

    String meaning();

    /** What it means for the family; blank when there is nothing to add. */
    String forYou();

    /** The term and its other names: every form the marker looks for. */
    List<String> forms();
}
