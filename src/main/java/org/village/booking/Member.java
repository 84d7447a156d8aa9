package org.village.booking;

/**
 * Someone who comes to a session: a parent or carer ({@code account:<id>}) or a child from the family record
 * ({@code child:<id>}), with the name they go by.
 */
public record Member(String key, String name) {

    public static String accountKey(long accountId) {
        return "account:" + accountId;
    }

    public static String childKey(long childId) {
        return "child:" + childId;
    }

    public boolean isChild() {
        return key.startsWith("child:");
    }
}
