package org.village.directory;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.security.CurrentUser;
import org.village.security.FamilyService;
import org.village.shared.AuditLog;

/**
 * The family gate for this feature: {@link FamilyService#canSee} decides, and a refusal is written to the
 * audit log in its own transaction. {@link FamilyService#checkAccess} cannot be used for this: it records
 * the refusal inside its own read-only transaction (MariaDB refuses the insert) and, inside a caller's
 * transaction, the exception it throws rolls the audit row back with everything else.
 */
@Component
class FamilyAccess {

    private final FamilyService families;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final TransactionTemplate separately;

    FamilyAccess(FamilyService families, CurrentUser currentUser, AuditLog audit, PlatformTransactionManager transactions) {
        this.families = families;
        this.currentUser = currentUser;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    void check(long familyId) {
        if (!families.canSee(familyId)) {
            throw refuse(familyId, "access.denied", null, "Not your family");
        }
    }

    /** Records the refusal (kept even though the caller's work is rolled back) and returns the exception to throw. */
    AccessDeniedException refuse(long familyId, String action, String detail, String message) {
        separately.executeWithoutResult(status -> audit.record(currentUser.actor(), action, "family:" + familyId, detail));
        return new AccessDeniedException(message);
    }
}
