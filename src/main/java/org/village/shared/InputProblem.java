package org.village.shared;

/**
 * A problem with what someone typed or asked for, told back to them kindly. Views show
 * {@link #getMessage()} as it is, so it is always written for the person, never for a developer.
 */
public class InputProblem extends RuntimeException {
    private final String field;

    public InputProblem(String message) {
        this(null, message);
    }

    public InputProblem(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The form field the message belongs to, or null for the whole form. */
    public String field() {
        return field;
    }
}
