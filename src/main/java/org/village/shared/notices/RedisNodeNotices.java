package org.village.shared.notices;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import java.net.SocketAddress;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@link NodeNotices} across nodes ({@code village.chat.broker=redis}, decision 112): a notice reaches this node's
 * listeners at once and, as one short line of ids, a Redis pub/sub channel that every node subscribes to. Redis keeps
 * nothing, so this node is {@link #reliable()} only while it is subscribed; when the subscription is lost, and again
 * when it is back, listeners are told to forget what they kept. A node starts while Redis is down and keeps trying.
 */
@Component
@ConditionalOnProperty(name = "village.chat.broker", havingValue = "redis")
public class RedisNodeNotices extends LocalNodeNotices {

    private static final Logger log = LoggerFactory.getLogger(RedisNodeNotices.class);
    /** kind, account, key: what {@link NodeNotices.Notice} may hold (a key is a token's hash, hex). */
    private static final Pattern LINE = Pattern.compile("([0-9a-f-]{36})\\|([a-z]{1,20})\\|(\\d{1,19})\\|([0-9a-f]{0,128})");

    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final RedisClient client;
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(r -> daemon(r, "node-notices-in"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "node-notices-connect"));
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean up;
    /** The channel is subscribed on the current connection (Lettuce subscribes again by itself after a reconnect). */
    private volatile boolean subscribed;
    private volatile boolean closed;

    final AtomicLong published = new AtomicLong();
    final AtomicLong publishFailed = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong losses = new AtomicLong();

    RedisNodeNotices(@Value("${village.chat.redis.url:redis://127.0.0.1:6379}") String url,
                     @Value("${village.chat.redis.channel:village.chat}") String channel) {
        this.channel = channel + ".notices";
        this.client = RedisLinks.client(url);
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                // reliable only once both connections are back and the channel is subscribed again
                timer.execute(RedisNodeNotices.this::back);
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                lost(connection != publisher);
            }
        });
        connectQuietly();
        timer.scheduleWithFixedDelay(() -> {
            var sub = subscriber;
            if (sub == null) {
                connectQuietly();
            } else if (!up && !subscribed && sub.isOpen()) {
                try {
                    sub.async().subscribe(channel); // idempotent: its confirmation makes this node reliable again
                } catch (RuntimeException e) {
                    // tried again in two seconds
                }
            }
        }, 2, 2, TimeUnit.SECONDS);
    }

    private synchronized void connectQuietly() {
        if (closed || subscriber != null) {
            return;
        }
        try {
            var sub = client.connectPubSub();
            sub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String ch, String message) {
                    if (channel.equals(ch)) {
                        inbound.execute(() -> fromBroker(message));
                    }
                }

                @Override
                public void subscribed(String ch, long count) {
                    // also after Lettuce's own reconnect: from now on nothing is missed, but something may have been
                    if (channel.equals(ch)) {
                        subscribed = true;
                        timer.execute(RedisNodeNotices.this::back);
                    }
                }
            });
            sub.sync().subscribe(channel);
            subscribed = true;
            publisher = client.connect();
            subscriber = sub;
            back();
        } catch (RuntimeException e) {
            lost(true);
            log.warn("Node notices: broker not reachable ({}); kept answers are not trusted until it is",
                    e.getClass().getSimpleName());
        }
    }

    private void lost(boolean subscription) {
        if (closed) {
            return;
        }
        boolean was = up;
        up = false;
        if (subscription) {
            subscribed = false;
        }
        if (was) {
            losses.incrementAndGet();
            log.warn("Node notices: broker connection lost; every node's kept answers are checked again");
        }
        missedSome();
    }

    private synchronized void back() {
        var sub = subscriber;
        var pub = publisher;
        if (closed || up || !subscribed || sub == null || !sub.isOpen() || pub == null || !pub.isOpen()) {
            return;
        }
        // forget first, then trust: what was kept while away is dropped before anything is answered from a new keep
        missedSome();
        up = true;
    }

    @Override
    protected void send(Notice notice) {
        deliver(notice);
        var pub = publisher;
        if (pub == null || !pub.isOpen()) {
            publishFailed.incrementAndGet();
            return;
        }
        String line = node + "|" + notice.kind() + "|" + notice.accountId() + "|" + (notice.key() == null ? "" : notice.key());
        RedisLinks.publish(pub, channel, line, published, publishFailed);
    }

    private void fromBroker(String line) {
        var m = LINE.matcher(line);
        if (!m.matches() || node.equals(m.group(1))) {
            return;
        }
        received.incrementAndGet();
        deliver(new Notice(m.group(2), Long.parseLong(m.group(3)), m.group(4).isEmpty() ? null : m.group(4)));
    }

    @Override
    public boolean reliable() {
        var sub = subscriber;
        return up && sub != null && sub.isOpen();
    }

    /** Counts for the figures and the drills. */
    public java.util.Map<String, Long> counts() {
        return java.util.Map.of("published", published.get(), "publishFailed", publishFailed.get(),
                "received", received.get(), "losses", losses.get());
    }

    @PreDestroy
    void stop() {
        closed = true;
        up = false;
        timer.shutdownNow();
        inbound.shutdownNow();
        RedisLinks.close(client, subscriber, publisher);
    }

    private static Thread daemon(Runnable r, String name) {
        return RedisLinks.daemon(r, name);
    }
}
