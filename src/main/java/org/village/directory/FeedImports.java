package org.village.directory;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Roles;

/**
 * Imports from a web address in the background, so the admin's page stays usable and can show progress and a
 * way to stop (decision 067). The threads are the directory's own, a few at most: this is not a Spring
 * {@code TaskExecutor} bean, so Vaadin and Spring keep choosing theirs. Who asked is checked here, on their own
 * thread, and passed on: nobody is signed in on the background thread.
 */
@Service
public class FeedImports {

    /** What the page is told. Called on the background thread: the page must use {@code UI.access}. */
    public interface Listener {
        void progress(long bytes, long expected);

        /** The feed arrived and was read: {@code feed} is its text, for the page to keep. */
        void done(String feed, ImportReport report);

        /** A kind message (shown with {@link InputProblem#message}, in the reader's language); nothing was imported. */
        void failed(InputProblem problem);
    }

    /** A running import from a web address. */
    public static final class Job {
        private final FeedFetcher.Stop stop = new FeedFetcher.Stop();

        /** Stops fetching: the connection is closed and nothing is imported. */
        public void stop() {
            stop.stop();
        }
    }

    private final DirectoryImport importer;
    private final CurrentUser currentUser;
    private final ThreadPoolExecutor executor;

    FeedImports(DirectoryImport importer, CurrentUser currentUser) {
        this.importer = importer;
        this.currentUser = currentUser;
        var count = new AtomicInteger();
        // two at a time and four waiting is plenty for a handful of admins; more are refused kindly
        this.executor = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), r -> {
            var t = new Thread(r, "directory-feed-import-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Fetches the feed at {@code url}, then previews it or (with {@code apply}) imports it as the signed-in admin.
     * Returns at once; the listener hears how it goes.
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    public Job start(String url, boolean apply, Listener listener) {
        AuditLog.Actor admin = currentUser.actor();
        var job = new Job();
        try {
            executor.execute(() -> run(url, apply, admin, job, listener));
        } catch (RejectedExecutionException e) {
            throw InputProblem.keyed("url", "directory.problem.feed.busy");
        }
        return job;
    }

    private void run(String url, boolean apply, AuditLog.Actor admin, Job job, Listener listener) {
        try {
            String feed = importer.fetcher().fetch(url, listener::progress, job.stop);
            if (job.stop.stopped()) {
                listener.failed(InputProblem.keyed("url", FeedFetcher.STOPPED));
                return;
            }
            var report = apply ? importer.applyFetched(feed, admin) : importer.previewFetched(feed);
            listener.done(feed, report);
        } catch (InputProblem p) {
            listener.failed(p);
        } catch (RuntimeException e) {
            listener.failed(InputProblem.keyed("url", "directory.problem.feed.failed"));
        }
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }

    /** The machine's own DNS; a test may declare its own {@link HostResolver} as {@code @Primary}. */
    @Configuration(proxyBeanMethods = false)
    static class Resolver {
        @Bean
        HostResolver hostResolver() {
            return HostResolver.SYSTEM;
        }
    }
}
