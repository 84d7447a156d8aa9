package org.village.directory.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.village.directory.ServiceRestored;
import org.village.directory.ServiceWithdrawn;
import org.village.directory.TeamEntryRemoved;
import org.village.shared.AuditLog;

/**
 * Writes the audit rows for what happened in the directory, from its events (decision 066). Each runs after the
 * change is committed, in its own transaction, on another thread: the actor comes with the event because no one
 * is signed in there. If writing fails, the publication stays incomplete and runs again on the next start.
 */
@Component
class DirectoryAuditTrail {

    private final AuditLog audit;

    DirectoryAuditTrail(AuditLog audit) {
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(ServiceWithdrawn e) {
        audit.record(e.by(), "service.withdrawn", "service:" + e.serviceId(),
                e.serviceName() + (e.reason() == null ? "" : ": " + e.reason()));
    }

    @ApplicationModuleListener
    void on(ServiceRestored e) {
        audit.record(e.by(), "service.restored", "service:" + e.serviceId(), e.serviceName());
    }

    @ApplicationModuleListener
    void on(TeamEntryRemoved e) {
        audit.record(e.by(), "team.removed", "family:" + e.familyId(), "member:" + e.memberId() + " child:"
                + e.childId() + " service:" + e.serviceId() + " (added by mistake)");
    }
}
