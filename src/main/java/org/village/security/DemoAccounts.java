package org.village.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
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
import org.village.security.internal.UserAccount;
import org.village.security.internal.UserAccountRepository;
import org.village.shared.Roles;

/**
 * Demo profile only: a parent in each of the two sample families, two family support workers, a peer supporter
 * and an admin. Each is made once (kept on later starts) and printed at start-up so a newcomer can sign in
 * straight away. The sample families themselves are the families module's ({@code families.DemoFamilies}, which
 * runs first and, afterwards, assigns the workers); parents are linked to them through {@link FamilyGate}.
 */
@Component
@Profile("demo")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    static final List<Demo> ACCOUNTS = List.of(
            new Demo("parent.a", "Sunflower", "sunny-garden-path", Roles.PARENT, "Family A (sample)"),
            new Demo("parent.b", "Robin", "warm-cup-of-tea", Roles.PARENT, "Family B (sample)"),
            // new to the forum: her first posts wait for a moderator (pre-moderation, village.forum.premoderated-posts)
            new Demo("parent.c", "Wren", "seven-quiet-swallows", Roles.PARENT, "Family B (sample)"),
            new Demo("worker.sam", "Sam (family support)", "green-kettle-morning", Roles.WORKER, null),
            new Demo("worker.alex", "Alex (family support)", "blue-river-stones", Roles.WORKER, null),
            new Demo("peer.jo", "Jody (peer supporter)", "kind-words-at-noon", Roles.PEER_SUPPORTER, null),
            new Demo("admin", "Jo (admin)", "quiet-harbour-lamp", Roles.ADMIN, null));

    private final UserAccountRepository accounts;
    private final FamilyGate families;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Environment env;

    DemoAccounts(UserAccountRepository accounts, FamilyGate families, PasswordEncoder encoder,
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
            for (var d : ACCOUNTS) {
                if (accounts.existsByUsername(d.username())) {
                    continue;
                }
                Long familyId = d.family() == null ? null : families.familyLabelled(d.family()).orElse(null);
                if (Roles.PARENT.equals(d.role()) && familyId == null) {
                    continue; // no sample family to join
                }
                accounts.save(new UserAccount(d.username(), d.displayName(), encoder.encode(d.password()),
                        Set.of(d.role()), familyId, clock.instant()));
            }
            accounts.flush();
        });
        print();
    }

    private void print() {
        String port = env.getProperty("local.server.port", "8080");
        var sb = new StringBuilder("\n\n  Village is running: http://localhost:" + port + "/\n  Demo accounts (sample data only):\n");
        for (var d : ACCOUNTS) {
            sb.append(String.format("    %-14s %-12s password %-22s %s%n", Roles.words(d.role()).toLowerCase(), d.username(),
                    d.password(), d.family() == null ? "" : d.family()));
        }
        sb.append("  Sam looks after Family A, Alex looks after Family B. Jody moderates and never sees family records.\n");
        log.info(sb.toString());
    }

    record Demo(String username, String displayName, String password, String role, String family) {
    }
}
