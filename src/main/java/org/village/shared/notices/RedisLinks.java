package org.village.shared.notices;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How the portal talks to Redis pub/sub (decisions 085 and 112): one client per use, reconnecting by itself, commands
 * refused at once while disconnected (nothing queued without bound), two seconds at most per command.
 */
public final class RedisLinks {

    private RedisLinks() {
    }

    /** A client for this address ({@code redis://host:port}); it connects only when asked. */
    public static RedisClient client(String url) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(Duration.ofSeconds(2));
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while Redis is away a command fails at once: whoever sent it has its own way round (the database)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
                .build());
        return client;
    }

    /** Closes these connections (any may be null), then the client. */
    public static void close(RedisClient client, StatefulConnection<?, ?>... connections) {
        try {
            for (var connection : connections) {
                if (connection != null) {
                    connection.close();
                }
            }
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    /**
     * Publishes without waiting, counting the outcome: {@code published} once Redis took it, {@code failed} when it
     * could not (disconnected, refused or timed out). Whoever publishes has the database as its way round.
     */
    public static void publish(StatefulRedisConnection<String, String> connection, String channel, String message,
                               AtomicLong published, AtomicLong failed) {
        try {
            connection.async().publish(channel, message).whenComplete((n, failure) -> {
                if (failure != null) {
                    failed.incrementAndGet();
                } else {
                    published.incrementAndGet();
                }
            });
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    /** A daemon thread for a client's own executors. */
    public static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
