package org.village.bench;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.village.IntegrationTest;
import org.village.TestText;
import org.village.booking.Bookings;
import org.village.notification.internal.MailTransport;

/**
 * Not a test (the name matches neither *Test nor *IT): the day-before reminder job for N bookings (10,000 unless
 * -Dbench.bookings says otherwise), every family's parent with e-mail switched on, all sessions starting within the
 * next 24 hours. Times {@link Bookings#sendReminders} (the job: marks each reminder with a conditional update and
 * queues the e-mail with its .ics, in batches of 200), then how long until every e-mail has been handed to the
 * in-process SMTP server (GreenMail), and checks each family got exactly one, and that running the job again sends
 * none. Bounded: the wait for delivery stops after 5 minutes.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=ReminderBenchmark -Dskip.e2e=true
 *      -Dvillage.own-context.skip=true (-Dbench.bookings=10000)
 */
class ReminderBenchmark extends IntegrationTest {

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    MailTransport transport;

    @Test
    void measure() throws Exception {
        int n = Integer.getInteger("bench.bookings", 10_000);
        int perSession = 50;
        String tag = "rb" + TestText.letters(8).toLowerCase();
        String domain = "@" + tag + ".example";
        Instant now = clock.instant();
        long t0 = System.nanoTime();

        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO booking_type (code, name, description, duration_minutes, capacity, attendees, place_kind,"
                + " place_detail, created_at) VALUES (?, ?, 'A group.', 60, ?, 'PARENTS', 'ADDRESS', '1 High Street', NOW(6))")
                .params(tag, "Group " + tag, perSession).update(keys, "id");
        long type = keys.getKey().longValue();
        long sam = jdbc.sql("SELECT id FROM user_account WHERE username = 'worker.sam'").query(Long.class).single();
        int sessions = (n + perSession - 1) / perSession;
        for (int i = 0; i < sessions; i++) {
            // spread over the next 2 to 22 hours, each an hour long
            Instant start = now.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(i * 1200L / sessions));
            jdbc.sql("INSERT INTO booking_session (type_id, worker_id, starts_at, ends_at, capacity, places_taken, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, 0, NOW(6))").params(type, sam, Timestamp.from(start),
                    Timestamp.from(start.plus(Duration.ofHours(1))), perSession).update();
        }
        for (int done = 0; done < n; done += 1000) {
            int count = Math.min(1000, n - done);
            var sql = new StringBuilder("INSERT INTO family (label, created_at) VALUES ");
            for (int i = 0; i < count; i++) {
                sql.append(i == 0 ? "" : ", ").append("('").append(tag).append('-').append(done + i).append("', NOW(6))");
            }
            jdbc.sql(sql.toString()).update();
        }
        jdbc.sql("INSERT INTO user_account (username, display_name, password_hash, family_id, created_at)"
                + " SELECT CONCAT('u', f.label), CONCAT('Parent ', f.label), (SELECT password_hash FROM user_account WHERE username = 'parent.a'),"
                + " f.id, NOW(6) FROM family f WHERE f.label LIKE ?").param(tag + "-%").update();
        jdbc.sql("INSERT INTO account_role (account_id, role) SELECT id, 'PARENT' FROM user_account WHERE username LIKE ?")
                .param("u" + tag + "-%").update();
        jdbc.sql("INSERT INTO notification_setting (account_id, email_on, email_address, updated_at)"
                + " SELECT id, TRUE, CONCAT(username, ?), NOW(6) FROM user_account WHERE username LIKE ?")
                .params(domain, "u" + tag + "-%").update();
        jdbc.sql("INSERT INTO booking (session_id, family_id, status, places, created_at, updated_at)"
                + " SELECT s.id, f.id, 'BOOKED', 1, NOW(6), NOW(6)"
                + " FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn FROM family WHERE label LIKE ?) f"
                + " JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn FROM booking_session WHERE type_id = ?) s"
                + " ON s.rn = FLOOR(f.rn / ?)").params(tag + "-%", type, perSession).update();
        jdbc.sql("UPDATE booking_session s SET places_taken = (SELECT COUNT(*) FROM booking b WHERE b.session_id = s.id)"
                + " WHERE s.type_id = ?").param(type).update();
        jdbc.sql("INSERT INTO booking_member (booking_id, person, name) SELECT b.id, CONCAT('account:', a.id), 'Parent'"
                + " FROM booking b JOIN booking_session s ON s.id = b.session_id JOIN user_account a ON a.family_id = b.family_id"
                + " WHERE s.type_id = ?").param(type).update();
        int made = jdbc.sql("SELECT COUNT(*) FROM booking b JOIN booking_session s ON s.id = b.session_id WHERE s.type_id = ?")
                .param(type).query(Integer.class).single();
        System.out.printf("REMINDERS data: %d bookings in %d sessions made in %.1f s%n", made, sessions,
                (System.nanoTime() - t0) / 1e9);

        // the job, as BookingJobs runs it (batches of 200)
        long[] cpu0 = cpu();
        long j0 = System.nanoTime();
        int sent = bookings.sendReminders(now, 200);
        double jobSeconds = (System.nanoTime() - j0) / 1e9;
        long[] cpu1 = cpu();
        int ours = ours(type, "b.reminder_sent_at IS NOT NULL");
        System.out.printf("REMINDERS job: %d reminders marked and queued (%d of this run's) in %.1f s = %.0f/s%n", sent,
                ours, jobSeconds, sent / jobSeconds);

        // until every e-mail has been handed to the SMTP server (bounded)
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int delivered = 0;
        while (System.nanoTime() < deadline) {
            delivered = emailsSent(tag, true);
            if (delivered >= made) {
                break;
            }
            Thread.sleep(250);
        }
        double allSeconds = (System.nanoTime() - j0) / 1e9;
        long[] cpu2 = cpu();
        System.out.printf("REMINDERS delivered: %d of %d e-mails handed to SMTP %.1f s after the job started%n",
                delivered, made, allSeconds);
        // CPU time hardly depends on how busy the shared machine is (ticks of 10 ms from /proc/<pid>/stat, user + system)
        System.out.printf("REMINDERS cpu: job %.1f s portal + %.1f s database; job and sending %.1f s portal + %.1f s"
                        + " database = %.2f ms per reminder%n", (cpu1[0] - cpu0[0]) / 100.0, (cpu1[1] - cpu0[1]) / 100.0,
                (cpu2[0] - cpu0[0]) / 100.0, (cpu2[1] - cpu0[1]) / 100.0,
                (cpu2[0] - cpu0[0] + cpu2[1] - cpu0[1]) * 10.0 / Math.max(1, made));

        int again = bookings.sendReminders(now, 200);
        int queued = emailsSent(tag, false);
        int distinct = jdbc.sql("SELECT COUNT(DISTINCT e.account_id) FROM notification_email e JOIN user_account a"
                + " ON a.id = e.account_id WHERE a.username LIKE ?").param("u" + tag + "-%").query(Integer.class).single();
        var perAddress = new HashMap<String, Integer>();
        for (var m : transport.inProcess().orElseThrow().received()) {
            var to = m.getAllRecipients();
            if (to != null && to.length > 0 && to[0].toString().endsWith(domain)) {
                perAddress.merge(to[0].toString(), 1, Integer::sum);
            }
        }
        long twice = perAddress.values().stream().filter(c -> c > 1).count();
        System.out.printf("REMINDERS once: queued %d for %d families, SMTP received %d for %d addresses, %d addresses"
                        + " twice; the job run again sent %d%n", queued, distinct,
                perAddress.values().stream().mapToInt(Integer::intValue).sum(), perAddress.size(), twice, again);
        org.assertj.core.api.Assertions.assertThat(twice).isZero();
        org.assertj.core.api.Assertions.assertThat(ours).isEqualTo(made);
        org.assertj.core.api.Assertions.assertThat(queued).isEqualTo(made);
    }

    /** CPU ticks (10 ms) used so far by this JVM and by the embedded database server (a child process). */
    private static long[] cpu() {
        long db = ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld")).orElse(false))
                .mapToLong(p -> ticks(p.pid())).sum();
        return new long[] {ticks(ProcessHandle.current().pid()), db};
    }

    private static long ticks(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 (utime, stime)
        } catch (java.io.IOException | RuntimeException e) {
            return 0;
        }
    }

    private int ours(long type, String condition) {
        return jdbc.sql("SELECT COUNT(*) FROM booking b JOIN booking_session s ON s.id = b.session_id WHERE s.type_id = ?"
                + " AND " + condition).param(type).query(Integer.class).single();
    }

    private int emailsSent(String tag, boolean sentOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_email e JOIN user_account a ON a.id = e.account_id"
                + " WHERE a.username LIKE ?" + (sentOnly ? " AND e.sent_at IS NOT NULL" : "")).param("u" + tag + "-%")
                .query(Integer.class).single();
    }
}
