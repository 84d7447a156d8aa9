package org.village.security;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.security.internal.Family;
import org.village.security.internal.FamilyRepository;
import org.village.security.internal.UserAccount;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.Roles;

/**
 * Demo profile only: two sample families with a parent each, two family support workers and an admin.
 * Made once (kept on later starts) and printed at start-up so a newcomer can sign in straight away.
 */
@Component
@Profile("demo")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("parent.a", "Sunflower", "sunny-garden-path", Roles.PARENT, "Family A (sample)"),
            new Demo("parent.b", "Robin", "warm-cup-of-tea", Roles.PARENT, "Family B (sample)"),
            new Demo("worker.sam", "Sam (family support)", "green-kettle-morning", Roles.WORKER, null),
            new Demo("worker.alex", "Alex (family support)", "blue-river-stones", Roles.WORKER, null),
            new Demo("admin", "Jo (admin)", "quiet-harbour-lamp", Roles.ADMIN, null));

    private final UserAccountRepository accounts;
    private final FamilyRepository families;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment env;

    DemoAccounts(UserAccountRepository accounts, FamilyRepository families, PasswordEncoder encoder,
                 TransactionTemplate tx, Clock clock, Environment env) {
        this.accounts = accounts;
        this.families = families;
        this.encoder = encoder;
        this.tx = tx;
        this.clock = clock;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void create() {
        tx.executeWithoutResult(status -> {
            if (accounts.existsByUsername("parent.a")) {
                return;
            }
            var a = new Family("Family A (sample)", clock.instant());
            a.addChild("Jay", "14 to 15");
            var b = new Family("Family B (sample)", clock.instant());
            b.addChild("Mia", "11 to 13");
            b.addChild("Leo", "8 to 10");
            families.saveAll(List.of(a, b));
            for (var d : ACCOUNTS) {
                Long familyId = d.family() == null ? null : (d.family().equals(a.getLabel()) ? a.getId() : b.getId());
                accounts.save(new UserAccount(d.username(), d.displayName(), encoder.encode(d.password()), d.role(),
                        familyId, clock.instant()));
            }
            accounts.flush();
            long sam = accounts.findByUsername("worker.sam").orElseThrow().getId();
            long alex = accounts.findByUsername("worker.alex").orElseThrow().getId();
            families.assign(a.getId(), sam);
            families.assign(b.getId(), alex);
        });
        print();
    }

    private void print() {
        String port = env.getProperty("local.server.port", "8080");
        var sb = new StringBuilder("\n\n  Village is running: http://localhost:" + port + "/\n  Demo accounts (sample data only):\n");
        for (var d : ACCOUNTS) {
            sb.append(String.format("    %-8s %-12s password %-22s %s%n", d.role().toLowerCase(), d.username(),
                    d.password(), d.family() == null ? "" : d.family()));
        }
        sb.append("  Sam looks after Family A, Alex looks after Family B.\n");
        log.info(sb.toString());
    }

    record Demo(String username, String displayName, String password, String role, String family) {
    }
}
