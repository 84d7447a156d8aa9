package org.village.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.MovableClock;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.moderation.internal.AlertStore;
import org.village.moderation.internal.RotaStore;
import org.village.notification.Emails;
import org.village.notification.Notifications;
import org.village.notification.internal.MailTransport;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;

/**
 * Urgent alerts end to end against the real database and mail server: the first worker on duty is alerted with a
 * notification; out of hours the out-of-hours contact gets a discreet e-mail at once; nobody acknowledging escalates to
 * the next person, then the next, then the out-of-hours contact (a clock the test moves: no sleeps); acknowledging
 * records the time from the post; two escalation runs at once escalate once. Each test makes its own workers and puts
 * them first on the rota, so it depends neither on the hour nor on the demo rota.
 */
class UrgentAlertIT extends IntegrationTest {

    /** Words a discreet e-mail never says (decision 072), and the post's own words. */
    static final List<String> NEVER = List.of("exploit", "abuse", "police", "grooming", "danger", "missing", "harm",
            "suicide", "threat", "urgent", "he has a knife");

    private static final long FIRST_CASE = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 1000;
    private static final AtomicLong CASES = new AtomicLong(FIRST_CASE);

    @Autowired JdbcClient jdbc;
    @Autowired AlertStore alertStore;
    @Autowired RotaStore rotaStore;
    @Autowired DutyRota rota;
    @Autowired UrgentAlerts urgentAlerts;
    @Autowired Notifications notifications;
    @Autowired Emails emails;
    @Autowired AuditLog audit;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate tx;
    @Autowired TestUsers users;
    @Autowired MailTransport transport;
    @Autowired CurrentUser currentUser;
    @Autowired People people;
    @Autowired AlertBroadcast broadcast;
    @Autowired ObjectProvider<ModeratedContent> contents;

    private final MovableClock clock = new MovableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    private UrgentAlerting alerting;
    private UrgentAlerts alertsAtClock;
    private long first;
    private long second;
    private String firstName;
    private List<RotaStore.Row> savedRota;
    private String savedContact;

    @BeforeEach
    void twoWorkersFirstOnTheRota() {
        // alerts other tests left waiting would escalate too when this test moves its clock on, and each would
        // e-mail this test's out-of-hours contact
        jdbc.sql("UPDATE urgent_alert SET acknowledged_at = UTC_TIMESTAMP(6), ack_millis = 0, due_at = NULL"
                + " WHERE acknowledged_at IS NULL").update();
        String suffix = Long.toString(System.nanoTime(), 36);
        firstName = "duty.first." + suffix;
        first = TestAccounts.copy(jdbc, "worker.sam", firstName, "First " + suffix, "WORKER");
        second = TestAccounts.copy(jdbc, "worker.sam", "duty.second." + suffix, "Second " + suffix, "WORKER");
        savedRota = rotaStore.all();
        savedContact = rotaStore.setting(RotaStore.OUT_OF_HOURS).orElse(null);
        tx.executeWithoutResult(s -> {
            rotaStore.save(second, true, "", clock.instant());
            rotaStore.save(first, true, "", clock.instant());
            rotaStore.putFirst(rotaStore.byAccount(second).orElseThrow().id(), clock.instant());
            rotaStore.putFirst(rotaStore.byAccount(first).orElseThrow().id(), clock.instant());
        });
        alerting = new UrgentAlerting(alertStore, rotaStore, rota, notifications, emails, audit, events, tx, clock,
                Duration.ofMinutes(3));
        alertsAtClock = new UrgentAlerts(alertStore, currentUser, people, audit, clock, events, broadcast, contents);
    }

    @AfterEach
    void putTheRotaBack() {
        users.anonymous();
        tx.executeWithoutResult(s -> {
            // this test's alerts are closed, so the scheduled check never alerts anyone else about them later
            jdbc.sql("UPDATE urgent_alert SET acknowledged_at = NOW(6), due_at = NULL WHERE case_id > ? "
                    + "AND acknowledged_at IS NULL").param(FIRST_CASE).update();
            jdbc.sql("DELETE FROM duty_rota_entry").update();
            for (var row : savedRota) {
                jdbc.sql("INSERT INTO duty_rota_entry (id, account_id, position, always_on, hours, changed_at) "
                                + "VALUES (?, ?, ?, ?, ?, NOW(6))")
                        .params(row.id(), row.accountId(), row.position(), row.alwaysOn(), row.hours()).update();
            }
            if (savedContact == null) {
                rotaStore.removeSetting(RotaStore.OUT_OF_HOURS);
            } else {
                rotaStore.saveSetting(RotaStore.OUT_OF_HOURS, savedContact, clock.instant());
            }
        });
    }

    private UrgentRaised raised(Instant at) {
        long caseId = CASES.incrementAndGet();
        return new UrgentRaised(caseId, Subject.forumPost(caseId), first, RiskKind.DANGER_NOW, at);
    }

    private int notificationsFor(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND text_key = 'duty.notify.urgent'")
                .param(accountId).query(Integer.class).single();
    }

    private List<MimeMessage> mailTo(String address) {
        return transport.inProcess().orElseThrow().received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart mp) {
            var out = new StringBuilder();
            for (int i = 0; i < mp.getCount(); i++) {
                out.append(text(mp.getBodyPart(i)));
            }
            return out.toString();
        }
        return "";
    }

    @Test
    void anUrgentCaseAlertsTheFirstWorkerOnDutyWithANotification() {
        var event = raised(Instant.now());
        tx.executeWithoutResult(s -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> alertStore.byCase(event.caseId()).isPresent());
        var row = alertStore.byCase(event.caseId()).orElseThrow();
        assertThat(row.staffed()).isTrue();
        assertThat(row.level()).isZero();
        assertThat(row.dueAt()).isNotNull();
        assertThat(alertStore.recipients(row.id())).containsExactly(first);
        assertThat(notificationsFor(first)).isEqualTo(1);
        assertThat(notificationsFor(second)).isZero();
        // the same event again (a retry) records nothing more
        tx.executeWithoutResult(s -> alerting.record(event));
        assertThat(alertStore.recipients(row.id())).containsExactly(first);
        assertThat(notificationsFor(first)).isEqualTo(1);
        // the worker sees it as theirs; their colleague does not
        users.as(firstName);
        assertThat(urgentAlerts.mine()).extracting(UrgentAlerts.Alert::caseId).contains(event.caseId());
        assertThat(urgentAlerts.open()).extracting(UrgentAlerts.Alert::caseId).contains(event.caseId());
    }

    @Test
    void outOfHoursTheOutOfHoursContactGetsADiscreetEmailAtOnce() throws Exception {
        String contact = "ooh." + Long.toString(System.nanoTime(), 36) + "@example.org";
        tx.executeWithoutResult(s -> {
            jdbc.sql("DELETE FROM duty_rota_entry").update(); // nobody on duty at all: out of hours
            rotaStore.saveSetting(RotaStore.OUT_OF_HOURS, contact, clock.instant());
        });
        var event = raised(Instant.now());
        tx.executeWithoutResult(s -> events.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailTo(contact)).as("e-mails to the out-of-hours contact").hasSize(1));
        var row = alertStore.byCase(event.caseId()).orElseThrow();
        assertThat(row.staffed()).isFalse();
        assertThat(row.outOfHoursAt()).isNotNull();
        assertThat(row.dueAt()).as("nothing more to escalate to").isNull();
        assertThat(alertStore.recipients(row.id())).isEmpty();
        var mail = mailTo(contact).getFirst();
        String words = (mail.getSubject() + "\n" + text(mail)).toLowerCase();
        assertThat(words).contains("sign in").contains("/today");
        for (String never : NEVER) {
            assertThat(words).as("the e-mail never says '%s'", never).doesNotContain(never);
        }
    }

    @Test
    void nobodyAcknowledgesSoItEscalatesToTheNextPersonThenTheNextThenTheOutOfHoursContact() {
        String contact = "escalate." + Long.toString(System.nanoTime(), 36) + "@example.org";
        tx.executeWithoutResult(s -> rotaStore.saveSetting(RotaStore.OUT_OF_HOURS, contact, clock.instant()));
        var event = raised(clock.instant());
        long id = tx.execute(s -> alerting.record(event)).orElseThrow();
        assertThat(alertStore.recipients(id)).containsExactly(first);

        clock.move(Duration.ofMinutes(2).plusSeconds(59));
        alerting.escalateDue();
        assertThat(alertStore.recipients(id)).as("not yet: three minutes").containsExactly(first);
        clock.move(Duration.ofSeconds(1));
        alerting.escalateDue();
        assertThat(alertStore.recipients(id)).containsExactly(first, second);
        assertThat(alertStore.byId(id).orElseThrow().level()).isEqualTo(1);
        assertThat(notificationsFor(second)).isEqualTo(1);

        // then everyone else on the rota in turn, and last the out-of-hours contact (bounded: the rota is short)
        for (int i = 0; i < 30 && alertStore.byId(id).orElseThrow().dueAt() != null; i++) {
            clock.move(Duration.ofMinutes(3));
            alerting.escalateDue();
        }
        var row = alertStore.byId(id).orElseThrow();
        assertThat(row.dueAt()).isNull();
        assertThat(row.outOfHoursAt()).isNotNull();
        assertThat(row.level()).isEqualTo(alertStore.recipients(id).size());
        assertThat(alertStore.recipients(id).subList(0, 2)).containsExactly(first, second);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(mailTo(contact)).as("e-mails to the out-of-hours contact").hasSize(1));
        clock.move(Duration.ofMinutes(30));
        alerting.escalateDue();
        assertThat(alertStore.byId(id).orElseThrow().level()).as("nothing after the out-of-hours contact")
                .isEqualTo(row.level());
    }

    @Test
    void acknowledgingRecordsTheTimeFromThePostAndStopsEscalation() {
        var event = raised(clock.instant());
        long id = tx.execute(s -> alerting.record(event)).orElseThrow();
        clock.move(Duration.ofSeconds(90));
        users.as(firstName);
        var acked = alertsAtClock.acknowledge(id);
        assertThat(acked.acknowledged()).isTrue();
        assertThat(acked.postToAcknowledged()).isEqualTo(Duration.ofSeconds(90));
        assertThat(acked.acknowledgedBy()).startsWith("First ");
        // a double click, or a colleague a moment later, changes nothing
        clock.move(Duration.ofSeconds(5));
        assertThat(alertsAtClock.acknowledge(id).acknowledgedAt()).isEqualTo(acked.acknowledgedAt());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'urgent.acknowledge' AND target = ?")
                .param("case:" + event.caseId()).query(Integer.class).single()).isEqualTo(1);
        // shown on the item for moderators
        assertThat(alertsAtClock.forCase(event.caseId()).orElseThrow().postToAcknowledged()).isEqualTo(Duration.ofSeconds(90));
        assertThat(urgentAlerts.mine()).extracting(UrgentAlerts.Alert::id).doesNotContain(id);
        users.anonymous();
        clock.move(Duration.ofMinutes(10));
        alerting.escalateDue();
        assertThat(alertStore.recipients(id)).containsExactly(first);
        assertThat(alertStore.byId(id).orElseThrow().level()).isZero();
        // a forged id is a kind problem
        users.as(firstName);
        assertThatThrownBy(() -> urgentAlerts.acknowledge(Long.MAX_VALUE)).isInstanceOf(InputProblem.class);
    }

    @Test
    void twoEscalationRunsAtOnceEscalateEachAlertOnce() throws Exception {
        var ids = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            var event = raised(clock.instant());
            ids.add(tx.execute(s -> alerting.record(event)).orElseThrow());
        }
        clock.move(Duration.ofMinutes(3));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var runs = new ArrayList<Future<Integer>>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return alerting.escalateDue();
                }));
            }
            start.countDown();
            int total = 0;
            for (var run : runs) {
                total += run.get();
            }
            assertThat(total).isGreaterThanOrEqualTo(5);
        }
        for (long id : ids) {
            assertThat(alertStore.recipients(id)).as("alert %d", id).containsExactly(first, second);
            assertThat(alertStore.byId(id).orElseThrow().level()).isEqualTo(1);
        }
        assertThat(notificationsFor(second)).isEqualTo(5);
    }

    @Test
    void aParentCannotReadOrChangeTheRotaNorSeeOrAcknowledgeAlerts() {
        var event = raised(clock.instant());
        long id = tx.execute(s -> alerting.record(event)).orElseThrow();
        users.as("parent.a");
        assertThatThrownBy(() -> rota.entries()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rota.onDutyNow()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rota.outOfHoursContact()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rota.save(first, true, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rota.saveOutOfHoursContact("a@example.org")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> urgentAlerts.open()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> urgentAlerts.mine()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> urgentAlerts.acknowledge(id)).isInstanceOf(AccessDeniedException.class);
        assertThat(alertStore.byId(id).orElseThrow().acknowledgedAt()).isNull();
        // a peer supporter moderates: reads the rota and alerts, but does not take duty or change the rota
        users.as("peer.jo");
        assertThat(rota.entries()).isNotEmpty();
        assertThatThrownBy(() -> rota.save(first, true, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> urgentAlerts.mine()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void workersSetHoursWithExceptionsAndOddHoursAreRefusedKindly() {
        users.as("worker.sam");
        for (String odd : List.of("Mon-Fri 9 till late", "<script>alert(1)</script>", "Mon 09:00-09:00",
                "2026-02-30 closed", "'; DROP TABLE duty_rota_entry; --", "\u202EMon-Fri 09:00-17:00")) {
            assertThatThrownBy(() -> rota.save(second, false, odd)).as(odd)
                    .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("hours"));
        }
        assertThatThrownBy(() -> rota.save(second, false, "x".repeat(5000))).isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> rota.save(second, false, "")).isInstanceOf(InputProblem.class);
        assertThatThrownBy(() -> rota.save(second, true, "2026-12-25 closed"))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.key()).isEqualTo("duty.problem.alwaysAndHours"));
        // a parent cannot be put on the rota
        long parent = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        assertThatThrownBy(() -> rota.save(parent, true, ""))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("person"));
        assertThatThrownBy(() -> rota.saveOutOfHoursContact("javascript:alert(1)")).isInstanceOf(InputProblem.class);

        rota.save(second, false, "Mon-Fri 09:00-17:00\n2026-12-25 closed Christmas Day\nSat 19:00-02:00");
        var entry = rota.entries().stream().filter(e -> e.accountId() == second).findFirst().orElseThrow();
        assertThat(entry.alwaysOn()).isFalse();
        assertThat(entry.hoursText()).contains("2026-12-25 closed Christmas Day").contains("Sat 19:00-02:00");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'duty.hours' AND target = ?")
                .param("account:" + second).query(Integer.class).single()).isEqualTo(1);
        // order: moving the second worker up puts them first
        rota.move(entry.id(), true);
        assertThat(rota.entries().getFirst().accountId()).isEqualTo(second);
        assertThat(rota.entries().get(1).accountId()).isEqualTo(first);
    }

}
