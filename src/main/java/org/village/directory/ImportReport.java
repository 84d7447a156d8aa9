package org.village.directory;

import java.util.List;

/**
 * What an Open Referral UK import would do (preview) or did (applied): one line per record. When any record
 * failed, nothing is imported and {@code applied} is false.
 */
public record ImportReport(List<Line> lines, boolean applied) {

    public enum Change { NEW, CHANGED, UNCHANGED, FAILED }

    /** {@code record} is the record's position (1 = first) and name; {@code detail} what changes or why it failed. */
    public record Line(int record, String name, Change change, String detail) {
    }

    public long count(Change change) {
        return lines.stream().filter(l -> l.change() == change).count();
    }

    public boolean hasFailures() {
        return count(Change.FAILED) > 0;
    }
}
