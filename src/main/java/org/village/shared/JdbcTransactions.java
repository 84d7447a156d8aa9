package org.village.shared;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Plain JDBC transactions beside JPA ones, for hot paths that need no Hibernate session (chat's send, decision 099;
 * booking, decision 105).
 */
public final class JdbcTransactions {

    private JdbcTransactions() {
    }

    /**
     * A {@link DataSourceTransactionManager} on the JPA manager's own data source (both bind the same connection to a
     * thread), or the given manager when it is not a JPA one.
     */
    public static PlatformTransactionManager beside(PlatformTransactionManager manager) {
        if (manager instanceof JpaTransactionManager jpa && jpa.getDataSource() != null) {
            var jdbc = new DataSourceTransactionManager(jpa.getDataSource());
            jdbc.afterPropertiesSet();
            return jdbc;
        }
        return manager;
    }
}
