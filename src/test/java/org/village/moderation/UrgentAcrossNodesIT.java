package org.village.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.moderation.internal.AlertStore;

/**
 * Decision 049: an urgent alert reaches open pages on every node. Another node is played by writing what its
 * UrgentAlerting and UrgentAlerts write (the alert, its recipient, the acknowledgement, and each time the alerts'
 * change number from urgent_alert_change), with no event on this node. This node's watcher must tell its open pages
 * within 2 s, and each page reads its own alerts again. A change made on this node tells its pages once, not once
 * more when the watcher sees its number.
 */
class UrgentAcrossNodesIT extends IntegrationTest {

    private static final AtomicLong CASES = new AtomicLong(8_000_000_000L + (System.nanoTime() % 1_000_000) * 1000);

    @Autowired JdbcClient jdbc;
    @Autowired AlertStore store;
    @Autowired UrgentAlerts alerts;
    @Autowired TransactionTemplate tx;
    @Autowired TestUsers users;
    @Autowired AlertBroadcast broadcast;

    private final AtomicInteger told = new AtomicInteger();
    private com.vaadin.flow.shared.Registration page;
    private String workerName;
    private long worker;

    @BeforeEach
    void aWorkerWithAPageOpen() {
        String suffix = Long.toString(System.nanoTime(), 36);
        workerName = "nodes.worker." + suffix;
        worker = TestAccounts.copy(jdbc, "worker.sam", workerName, "Nodes " + suffix, "WORKER");
        page = alerts.subscribe(told::incrementAndGet);
    }

    @AfterEach
    void closeThePage() {
        page.remove();
        users.anonymous();
        jdbc.sql("UPDATE urgent_alert SET acknowledged_at = NOW(6), due_at = NULL WHERE case_id >= 8000000000"
                + " AND case_id < 9000000000 AND acknowledged_at IS NULL").update();
    }

    @Test
    void anAlertRaisedAndAcknowledgedOnAnotherNodeReachesThisNodesPagesWithinTwoSeconds() {
        long caseId = CASES.incrementAndGet();
        int before = told.get();
        Instant now = Instant.now();
        long alertId = tx.execute(s -> {
            long id = store.insert(caseId, "forum-post", caseId, RiskKind.DANGER_NOW.name(), now, now, true,
                    now.plus(Duration.ofMinutes(3))).orElseThrow();
            store.addRecipient(id, worker, 0, now);
            store.stamp();
            return id;
        });
        long written = System.nanoTime();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> told.get() > before);
        System.out.printf("BENCH urgent alert on another node to this node's pages ms=%d%n", (System.nanoTime() - written) / 1_000_000);
        users.as(workerName);
        assertThat(alerts.mine()).extracting(UrgentAlerts.Alert::caseId).containsOnlyOnce(caseId);

        // acknowledged on the other node: this node's pages are told, and the alert is no longer theirs to answer
        int beforeAck = told.get();
        tx.executeWithoutResult(s -> {
            assertThat(store.acknowledge(alertId, worker, Instant.now(), 1000)).isEqualTo(1);
            store.stamp();
        });
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).until(() -> told.get() > beforeAck);
        assertThat(alerts.mine()).extracting(UrgentAlerts.Alert::caseId).doesNotContain(caseId);
    }

    @Test
    void aChangeMadeOnThisNodeTellsItsPagesOnceNotAgainFromTheWatcher() {
        long caseId = CASES.incrementAndGet();
        Instant now = Instant.now();
        long alertId = tx.execute(s -> {
            long id = store.insert(caseId, "forum-post", caseId, RiskKind.THREAT.name(), now, now, true,
                    now.plus(Duration.ofMinutes(3))).orElseThrow();
            store.addRecipient(id, worker, 0, now);
            store.stamp();
            return id;
        });
        long inserted = store.lastChange();
        await().atMost(Duration.ofSeconds(2)).until(() -> told.get() > 0);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> broadcast.seen() >= inserted);
        int before = told.get();
        users.as(workerName);
        alerts.acknowledge(alertId); // this node: the in-JVM event tells the pages at once
        long number = store.lastChange();
        await().atMost(Duration.ofSeconds(1)).until(() -> told.get() > before);
        long looks = broadcast.looks();
        // three more looks of the watcher: the second began after the acknowledgement was committed, and the third
        // leaves a whole interval for anything the second could have told the pages
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> broadcast.looks() >= looks + 3);
        if (store.lastChange() == number) { // nothing else changed an alert meanwhile (another test, an escalation)
            assertThat(told.get()).as("told once, by the event; the watcher saw its own number").isEqualTo(before + 1);
        }
    }
}
