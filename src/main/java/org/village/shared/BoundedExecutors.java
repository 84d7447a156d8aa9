package org.village.shared;

import java.util.concurrent.ThreadPoolExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A few threads of a module's own for work after a commit (telling families, sending e-mail; decisions 096, 097),
 * instead of the portal's shared executor, which starts a virtual thread per task and so let a rush of tasks ask for
 * every database connection at once. Never a limit on the shared executor: Spring's STOMP channels run there
 * (decision 087). When the queue is full the submitting thread does the work itself; on shutdown queued work gets
 * ten seconds to finish.
 */
public final class BoundedExecutors {

    private BoundedExecutors() {
    }

    /** {@code threads} threads named {@code namePrefix}N, with a queue of {@code queue} tasks. */
    public static ThreadPoolTaskExecutor callerRuns(String namePrefix, int threads, int queue) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix(namePrefix);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
