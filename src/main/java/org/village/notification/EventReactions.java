package org.village.notification;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.village.directory.TeamEntryRemoved;
import org.village.security.AccountLocked;
import org.village.security.InvitationAccepted;
import org.village.security.People;
import org.village.shared.Roles;

/**
 * Tells people about things that already happen in the portal (issue 10 "Notifications"). Each reaction runs after
 * the change committed, from the event publication registry, so none is lost if the portal stops in between.
 */
@Component
class EventReactions {

    private final Notifications notifications;
    private final People people;

    EventReactions(Notifications notifications, People people) {
        this.notifications = notifications;
        this.people = people;
    }

    /** The worker (or admin) who made an invitation hears that the parent has joined, by the name they chose. */
    @ApplicationModuleListener
    void on(InvitationAccepted event) {
        if (event.invitedBy() == null) {
            return;
        }
        people.withRole(java.util.List.of(event.accountId()), Roles.PARENT).stream().findFirst().ifPresent(parent ->
                notifications.tell(event.invitedBy(), "family", "notification.invitation.accepted", "/families",
                        parent.displayName()));
    }

    /** Only that family's parents hear, kindly, that an entry on their child's team was taken off. */
    @ApplicationModuleListener
    void on(TeamEntryRemoved event) {
        for (var parent : people.parentsOf(event.familyId())) {
            notifications.tell(parent.id(), "team", "notification.team.removed", "/team");
        }
    }

    /**
     * Admins hear that sign-in was slowed for an account after many wrong passwords: how long it waits, but never the
     * device's address (the audit log has the rest).
     */
    @ApplicationModuleListener
    void on(AccountLocked event) {
        long minutes = Math.max(1, (event.waitFor().toSeconds() + 59) / 60);
        for (var admin : people.allWithRole(Roles.ADMIN)) {
            notifications.tell(admin.id(), "security", "notification.account.locked", "/admin/audit", minutes);
        }
    }
}
