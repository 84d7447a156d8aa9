package org.village.layout;

import com.vaadin.flow.spring.annotation.VaadinTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;

/**
 * The executor Vaadin runs its own background work on, named so that Vaadin finds it however many other task
 * executors the application has (a STOMP broker brings its own; Vaadin refuses to start when it must choose between
 * several unnamed ones). Virtual threads, like the request threads. The security context is not carried over to
 * these threads on purpose: code that runs here passes the signed-in person to services explicitly (decision 060).
 */
@Configuration(proxyBeanMethods = false)
class VaadinThreads {

    @Bean(VaadinTaskExecutor.NAME)
    TaskExecutor vaadinTaskExecutor() {
        var executor = new SimpleAsyncTaskExecutor("vaadin-");
        executor.setVirtualThreads(true);
        // on shutdown, running tasks get a moment to finish
        executor.setTaskTerminationTimeout(5_000);
        return executor;
    }
}
