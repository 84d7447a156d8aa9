package org.village.shared;

/** The one place role names live. Spring Security sees them with the ROLE_ prefix. */
public final class Roles {
    public static final String PARENT = "PARENT";
    public static final String WORKER = "WORKER";
    public static final String ADMIN = "ADMIN";

    public static final String HAS_ADMIN = "hasRole('ADMIN')";
    public static final String HAS_STAFF = "hasAnyRole('WORKER','ADMIN')";

    private Roles() {
    }
}
