package org.village.moderation;

/** How many cases are open in the moderation queue, per kind. */
public record Counts(long urgent, long reported, long held, long pending) {

    public long total() {
        return urgent + reported + held + pending;
    }

    public long of(CaseKind kind) {
        return switch (kind) {
            case URGENT -> urgent;
            case REPORTED -> reported;
            case HELD -> held;
            case PENDING -> pending;
        };
    }
}
