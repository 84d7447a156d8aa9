package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The event publication registry (decision 066): a listener's work is recorded in EVENT_PUBLICATION before the
 * change commits and marked complete when it has run; one that fails stays incomplete and runs again when
 * incomplete publications are resubmitted, which the portal does on every start
 * ({@code republish-outstanding-events-on-restart}). Its own context, because of the listener that fails once.
 */
@Import(EventPublicationIT.FailsOnce.Config.class)
class EventPublicationIT extends DirectoryIntegrationTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    FailsOnce failsOnce;
    @Autowired
    Environment environment;

    private ServiceDetail newService(String name) {
        signIn("admin");
        var i = directory.bySlug("brook-bristol").orElseThrow().toInput();
        return directory.create(new ServiceInput(null, name, i.organization(), i.organizationUrl(), i.whatTheyDo(),
                i.whatTheyDont(), i.forWho(), i.minAge(), i.maxAge(), i.exploitation(), i.audiences(), i.needs(),
                i.areas(), i.referral(), i.referralHow(), i.howTheyContact(), i.hours(), false, i.languages(), i.cost(),
                null, null, null, null, false, null));
    }

    /** This service's publications for one listener (matched on the serialised event, which holds the id). */
    private Publication publication(String listener, long serviceId) {
        return jdbc.sql("SELECT COMPLETION_DATE IS NOT NULL, STATUS FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE ?"
                        + " AND EVENT_TYPE = ? AND SERIALIZED_EVENT LIKE ?")
                .params("%" + listener + "%", ServiceWithdrawn.class.getName(), "%\"serviceId\":" + serviceId + ",%")
                .query((rs, n) -> new Publication(rs.getBoolean(1), rs.getString(2))).optional().orElse(null);
    }

    record Publication(boolean completed, String status) {
    }

    @Test
    void theAuditTrailListenerWritesTheRowAndItsPublicationIsCompleted() {
        var service = newService("Event Audit Clinic");

        directory.withdraw(service.id(), "Moved to a new building.");

        awaitAuditCount("service.withdrawn", "service:" + service.id(), 1);
        assertThat(jdbc.sql("SELECT actor, detail FROM audit_log WHERE action = 'service.withdrawn' AND target = ?")
                .param("service:" + service.id()).query((rs, n) -> rs.getString(1) + " | " + rs.getString(2)).single())
                .startsWith("admin:").endsWith("| Event Audit Clinic: Moved to a new building.");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(publication("DirectoryAuditTrail", service.id())).extracting(Publication::completed)
                        .isEqualTo(true));
    }

    @Test
    void aListenerThatFailedIsRunAgainWhenIncompletePublicationsAreResubmitted() {
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
                .isEqualTo("true");
        var service = newService("Event Retry Clinic");
        failsOnce.watch(service.id());

        directory.withdraw(service.id(), null);

        await().atMost(Duration.ofSeconds(10)).until(() -> failsOnce.attempts() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var p = publication("FailsOnce", service.id());
            assertThat(p).isNotNull();
            assertThat(p.completed()).isFalse();
        });
        assertThat(failsOnce.done()).isZero();

        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof ServiceWithdrawn w
                && w.serviceId() == service.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> failsOnce.done() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(publication("FailsOnce", service.id())).extracting(Publication::completed).isEqualTo(true));
        assertThat(failsOnce.attempts()).isEqualTo(2);
    }

    /** A listener that fails the first time it hears of the watched service, then works. */
    static class FailsOnce {
        private volatile long watched = -1;
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();

        void watch(long serviceId) {
            watched = serviceId;
        }

        // read through methods: the bean is a proxy (the listener runs in a transaction of its own)
        int attempts() {
            return attempts.get();
        }

        int done() {
            return done.get();
        }

        @ApplicationModuleListener
        void on(ServiceWithdrawn e) {
            if (e.serviceId() != watched) {
                return;
            }
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("failing once on purpose (test)");
            }
            done.incrementAndGet();
        }

        @TestConfiguration
        static class Config {
            @Bean
            FailsOnce failsOnce() {
                return new FailsOnce();
            }
        }
    }
}
