package org.village.families;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.families.internal.Family;
import org.village.families.internal.FamilyRepository;
import org.village.security.People;

/**
 * Demo profile only: the two sample families and their children, made before the demo accounts (so the sample
 * parents can be linked to them), and which demo worker looks after which, once the accounts exist.
 * Made once and kept on later starts.
 */
@Component
@Profile("demo")
public class DemoFamilies {

    public static final String FAMILY_A = "Family A (sample)";
    public static final String FAMILY_B = "Family B (sample)";

    /** Sample family label, then its children (name, age band). */
    private static final Map<String, List<String[]>> CHILDREN = Map.of(
            FAMILY_A, List.<String[]>of(new String[] {"Jay", "14 to 15"}),
            FAMILY_B, List.of(new String[] {"Mia", "11 to 13"}, new String[] {"Leo", "8 to 10"}));

    /** Which demo worker looks after which sample family. */
    private static final Map<String, String> WORKERS = Map.of(FAMILY_A, "worker.sam", FAMILY_B, "worker.alex");

    private final FamilyRepository families;
    private final People people;
    private final TransactionTemplate tx;
    private final Clock clock;

    DemoFamilies(FamilyRepository families, People people, TransactionTemplate tx, Clock clock) {
        this.families = families;
        this.people = people;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    void createFamilies() {
        tx.executeWithoutResult(status -> {
            for (String label : List.of(FAMILY_A, FAMILY_B)) {
                if (families.existsByLabel(label)) {
                    continue;
                }
                var family = new Family(label, clock.instant());
                CHILDREN.get(label).forEach(c -> family.addChild(c[0], c[1]));
                families.save(family);
            }
            families.flush();
        });
    }

    /** A sample family's child by name, for other modules' demo data (a child's team). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public java.util.Optional<SampleChild> child(String familyLabel, String childName) {
        return families.findByLabel(familyLabel).flatMap(f -> f.getChildren().stream()
                .filter(c -> c.getName().equals(childName)).findFirst()
                .map(c -> new SampleChild(f.getId(), c.getId())));
    }

    /** A sample child and its family. */
    public record SampleChild(long familyId, long childId) {
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(15)
    void assignWorkers() {
        tx.executeWithoutResult(status -> WORKERS.forEach((label, username) -> families.findByLabel(label)
                .ifPresent(family -> people.byUsername(username)
                        .ifPresent(worker -> families.assign(family.getId(), worker.id())))));
    }
}
