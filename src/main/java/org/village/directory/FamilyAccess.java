package org.village.directory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.village.security.CurrentUser;
import org.village.families.FamilyService;
import org.village.shared.AuditLog;

/**
 * The family gate for this feature: {@link FamilyService#checkAccess} decides and audits refusals (in a
 * transaction of their own, so the row survives the caller's rollback); {@link #refuse} does the same for
 * refusals this feature decides itself, such as reading a profile that is not shared.
 */
@Component
class FamilyAccess {

    private final FamilyService families;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    FamilyAccess(FamilyService families, CurrentUser currentUser, AuditLog audit) {
        this.families = families;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    void check(long familyId) {
        families.checkAccess(familyId);
    }

    /** Records the refusal (kept even though the caller's work is rolled back) and returns the exception to throw. */
    AccessDeniedException refuse(long familyId, String action, String detail, String message) {
        audit.recordAlways(currentUser.actor(), action, "family:" + familyId, detail);
        return new AccessDeniedException(message);
    }
}
