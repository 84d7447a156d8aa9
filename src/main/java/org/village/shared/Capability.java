package org.village.shared;

/**
 * What a person may do, whatever roles gave it to them. Services ask for a capability ("may moderate", "may see
 * family records"), never for a role name; {@link Roles#capabilities} says which roles give which. Spring Security
 * sees each as an authority {@code CAN_<name>} (decision 064).
 */
public enum Capability {
    /** A parent: their own family's team, profile and timeline. */
    SEE_OWN_FAMILY,
    /** Staff: the private pages of families (which ones is the families module's rule: assigned, or all). */
    SEE_FAMILY_RECORDS,
    /** Every family, not only assigned ones (admins). */
    SEE_EVERY_FAMILY,
    /** Be assigned to families and work with them; read a profile when the parent chooses you. */
    WORK_WITH_FAMILIES,
    /** Add families, invite parents, keep children's teams up to date. */
    MANAGE_FAMILIES,
    /** Choose which family support worker works with which family. */
    ASSIGN_WORKERS,
    /** Hold, hide and answer posts and chat messages. */
    MODERATE,
    /** Take a turn on duty in live help. */
    TAKE_DUTY,
    /** Offer family sessions, keep their calendar, confirm requests and book families in (booking). */
    RUN_SESSIONS,
    /** Make staff accounts, change roles, switch accounts off. */
    MANAGE_STAFF,
    /** Write and publish guides and glossary terms. */
    EDIT_GUIDES,
    /** Change the services directory and help lines. */
    EDIT_DIRECTORY,
    /** Read the audit log. */
    READ_AUDIT;

    /** The Spring Security authority for this capability. */
    public String authority() {
        return "CAN_" + name();
    }

    /** For {@code @PreAuthorize}: has this capability. */
    public static final String HAS_SEE_FAMILY_RECORDS = "hasAuthority('CAN_SEE_FAMILY_RECORDS')";
    public static final String HAS_MANAGE_FAMILIES = "hasAuthority('CAN_MANAGE_FAMILIES')";
    public static final String HAS_ASSIGN_WORKERS = "hasAuthority('CAN_ASSIGN_WORKERS')";
    public static final String HAS_MANAGE_STAFF = "hasAuthority('CAN_MANAGE_STAFF')";
    public static final String HAS_MODERATE = "hasAuthority('CAN_MODERATE')";
    public static final String HAS_RUN_SESSIONS = "hasAuthority('CAN_RUN_SESSIONS')";
}
