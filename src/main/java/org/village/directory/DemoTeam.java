package org.village.directory;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.directory.internal.ServiceStore;
import org.village.directory.internal.TeamStore;
import org.village.families.DemoFamilies;

/** Demo profile only: a team around Jay (Family A) so a newcomer sees a filled-in "my child's team". */
@Component
@Profile("demo")
class DemoTeam {

    private final TeamStore team;
    private final ServiceStore services;
    private final DemoFamilies families;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoTeam(TeamStore team, ServiceStore services, DemoFamilies families, TransactionTemplate tx, Clock clock) {
        this.team = team;
        this.services = services;
        this.families = families;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(30)
    void create() {
        tx.executeWithoutResult(status -> families.child(DemoFamilies.FAMILY_A, "Jay").ifPresent(ids -> {
            long family = ids.familyId();
            long child = ids.childId();
            if (team.anyTeam(family)) {
                return;
            }
            var today = LocalDate.now(clock.withZone(org.village.shared.Times.ZONE));
            add(family, child, "base", new TeamInput(0, "Priya", "BASE worker", true, TeamMember.Status.ACTIVE,
                    today.minusWeeks(6), "Priya meets Jay every Tuesday after school. She helps Jay feel safe and "
                    + "understand what happened. She chairs the team meetings.", "Phone or text Priya on the BASE "
                    + "number, Monday to Friday, 9am to 5pm.", "Team meeting at school, Thursday 10am"));
            add(family, child, "camhs", new TeamInput(0, null, null, false, TeamMember.Status.WAITING,
                    today.minusWeeks(2), "CAMHS will help Jay with sleep and worry. The referral was accepted and "
                    + "Jay is on the waiting list.", "Call the CAMHS office if things get worse while you wait.", null));
            add(family, child, "school-safeguarding-lead", new TeamInput(0, "Amir", "designated safeguarding lead",
                    false, TeamMember.Status.ACTIVE, today.minusMonths(3), "Keeps an eye on Jay at school and tells "
                    + "you if Jay is missing from lessons.", "Ring the school office and ask for the safeguarding lead.",
                    null));
        }));
    }

    private void add(long family, long child, String slug, TeamInput in) {
        services.findIdBy("slug", slug).ifPresent(serviceId -> {
            var input = new TeamInput(serviceId, in.workerFirstName(), in.workerRole(), in.lead(), in.status(),
                    in.statusSince(), in.forFamily(), in.howToContact(), in.nextContact());
            long member = team.insert(family, child, input, clock.instant());
            team.event(family, child, member, in.statusSince().atStartOfDay(org.village.shared.Times.ZONE).toInstant(),
                    TimelineText.of(TimelineText.part("joined", services.findById(serviceId).orElseThrow().name(),
                            TimelineText.status(in.status()))));
        });
    }
}
