package org.village.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.shared.AuditLog;
import org.village.shared.ReadCommittedTransactions;

/**
 * Decision 108: booking's transactions run on connections of their own pool, set up once with autocommit off and
 * READ COMMITTED, so no SET statements go around each transaction. What must still hold: everything written
 * through the shared JdbcClient inside (the store, the audit row) is in that one transaction on that one connection,
 * a rollback takes all of it back, a commit keeps all of it, and the shared pool's connections are as they were.
 */
class ReadCommittedTransactionsIT extends IntegrationTest {

    @Autowired
    ReadCommittedTransactions readCommitted;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    @Test
    void theSharedJdbcClientAndTheAuditLogJoinOneReadCommittedTransactionThatRollsBackWhole() {
        String target = "rc-test:" + UUID.randomUUID();
        var tx = new TransactionTemplate(readCommitted.manager());
        tx.executeWithoutResult(status -> {
            long connection = jdbc.sql("SELECT CONNECTION_ID()").query(Long.class).single();
            assertThat(jdbc.sql("SELECT @@SESSION.transaction_isolation").query(String.class).single())
                    .isEqualTo("READ-COMMITTED");
            assertThat(jdbc.sql("SELECT @@SESSION.autocommit").query(Integer.class).single()).isZero();
            audit.record(AuditLog.Actor.SYSTEM, "rc.test", target, "rolled back");
            // the same connection all along: the audit row went in on it, inside this transaction
            assertThat(jdbc.sql("SELECT CONNECTION_ID()").query(Long.class).single()).isEqualTo(connection);
            assertThat(countOutside(target)).isZero(); // not visible to anyone else before the commit
            status.setRollbackOnly();
        });
        assertThat(count(target)).isZero();

        tx.executeWithoutResult(status -> audit.record(AuditLog.Actor.SYSTEM, "rc.test", target, "kept"));
        assertThat(count(target)).isEqualTo(1);
        assertThat(countOutside(target)).isEqualTo(1);

        // the shared pool's connections keep autocommit and the server's default level
        assertThat(jdbc.sql("SELECT @@SESSION.autocommit").query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT @@SESSION.transaction_isolation").query(String.class).single())
                .isEqualTo("REPEATABLE-READ");
    }

    private int count(String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE target = ?").param(target).query(Integer.class).single();
    }

    /** Counted on a connection of the shared pool while the transaction holds the thread's own. */
    private int countOutside(String target) {
        var result = new int[1];
        var t = Thread.ofVirtual().start(() -> result[0] = count(target));
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result[0];
    }
}
