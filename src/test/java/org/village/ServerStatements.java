package org.village;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database server's own statement counters ({@code Com_*} and {@code Questions}), for benchmarks that count the
 * statements a piece of work costs: take {@link #now} before and after, and {@link #addDifference} sums what changed.
 */
public final class ServerStatements {

    private ServerStatements() {
    }

    public static Map<String, Long> now(JdbcClient jdbc) {
        var out = new TreeMap<String, Long>();
        jdbc.sql("SHOW GLOBAL STATUS WHERE Variable_name LIKE 'Com\\_%' OR Variable_name = 'Questions'")
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getString(1), rs.getLong(2));
                });
        return out;
    }

    /** Adds {@code after - before} to {@code into}, leaving out the counters' own query. */
    public static void addDifference(Map<String, Long> into, Map<String, Long> before, Map<String, Long> after) {
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (k.equals("Com_show_status") || k.equals("Questions")) {
                d -= 1; // the counters' own query
            }
            if (d != 0) {
                into.merge(k, d, Long::sum);
            }
        });
    }
}
