package org.village.shared;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.core.InfrastructureProxy;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Plain JDBC transactions at READ COMMITTED that cost no statements of their own beyond {@code COMMIT} (decision 108):
 * their connections come from a small pool of their own whose connections are set up once with autocommit off and
 * READ COMMITTED as the session's level, so a transaction needs neither {@code SET autocommit=0} before it,
 * {@code SET autocommit=1} after it, nor a {@code SET TRANSACTION ISOLATION LEVEL} of its own. The shared pool's
 * connections are untouched (autocommit on, the server's default level).
 *
 * <p>The connection is bound to the thread under the shared {@link DataSource} (the pool's wrapper is an
 * {@link InfrastructureProxy} for it), so everything that writes through the shared {@code JdbcClient} inside such a
 * transaction (the store, {@code AuditLog.record}) joins it on the same connection, as with
 * {@link JdbcTransactions#beside}. Nothing in such a transaction may start a JPA transaction (decision 105).
 *
 * <p>Only transactions run by {@link #manager()} ever see these connections; a statement outside a transaction never
 * does (it would open a transaction nobody commits, which the pool rolls back when the connection comes back).
 */
public final class ReadCommittedTransactions implements AutoCloseable {

    private final HikariDataSource pool;
    private final PlatformTransactionManager manager;

    /**
     * @param shared the portal's one data source (the key the connection is bound under)
     * @param pool   a pool not yet started, on the same database as {@code shared}; its autocommit and isolation are
     *               set here
     */
    public ReadCommittedTransactions(DataSource shared, HikariDataSource pool) {
        pool.setAutoCommit(false);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // several statements in one packet (decision 114: a booking's rows while its session's row is locked); every
        // statement here takes its values as parameters, never as text joined into the SQL
        pool.addDataSourceProperty("allowMultiQueries", "true");
        this.pool = pool;
        var manager = new DataSourceTransactionManager(new BoundAsShared(pool, shared)) {
            @Override
            protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
                super.doBegin(transaction, definition);
                INSIDE.set(Boolean.TRUE);
            }

            @Override
            protected void doCleanupAfterCompletion(Object transaction) {
                INSIDE.remove();
                super.doCleanupAfterCompletion(transaction);
            }
        };
        manager.afterPropertiesSet();
        this.manager = manager;
    }

    /** Set while this thread is in one of these transactions. */
    private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

    /**
     * True while this thread is in one of these READ COMMITTED transactions: each statement then sees everything
     * committed before it began (a cache may keep what it reads; in a REPEATABLE READ transaction it may not, decision
     * 113: its snapshot may be older than a change the cache has already heard of).
     */
    public static boolean inside() {
        return INSIDE.get() != null;
    }

    /** The transaction manager: READ COMMITTED, the connection bound as the shared data source's. */
    public PlatformTransactionManager manager() {
        return manager;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Hands out the pool's connections; bound to the thread (and found by the shared JdbcClient) as the shared one's. */
    private static final class BoundAsShared extends DelegatingDataSource implements InfrastructureProxy {
        private final DataSource shared;

        BoundAsShared(DataSource pool, DataSource shared) {
            super(pool);
            this.shared = shared;
        }

        @Override
        public Object getWrappedObject() {
            return shared;
        }
    }
}
