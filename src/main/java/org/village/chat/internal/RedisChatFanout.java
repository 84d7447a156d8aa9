package org.village.chat.internal;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import jakarta.annotation.PreDestroy;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;
import org.village.shared.notices.RedisLinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several nodes ({@code village.chat.broker=redis}, decisions 085 and 086): every event goes to this node's receivers
 * at once and, as JSON, to one Redis pub/sub channel that every node subscribes to; a node hands on what other nodes
 * published (its own copy it already has). Each room's stored messages pass through a {@link RoomSequencer}, so
 * receivers get them once, in order, with gaps read from the database.
 * <p>
 * Redis is only the messenger: pub/sub keeps nothing, so while it is away (or while this node cannot reach it) a
 * publish is dropped at once (counted, never queued without bound) and other nodes learn of new messages from the
 * database, every {@code village.chat.catch-up-every} and as soon as the connection returns. A node starts even when
 * Redis is down and keeps trying to connect. Nothing personal is logged.
 */
@Component
@ConditionalOnProperty(name = "village.chat.broker", havingValue = "redis")
public class RedisChatFanout implements ChatFanout {

    private static final Logger log = LoggerFactory.getLogger(RedisChatFanout.class);

    /** What crosses the broker: the event and the node it came from. */
    record Envelope(String node, ChatEvent event) {
    }

    private final Receivers receivers;
    private final RoomSequencer sequencer;
    private final JsonMapper json;
    private final String channel;
    private final Duration catchUpEvery;
    private final String node = UUID.randomUUID().toString();
    private final RedisClient client;
    /** One thread hands on what arrives (the broker's order; database reads for gaps stay off Redis's threads). */
    private final ExecutorService inbound = Executors.newSingleThreadExecutor(r -> daemon(r, "chat-broker-in"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chat-catch-up"));
    /**
     * Events for the broker, in the order they were published on this node (a room's sends publish under its lock,
     * so a room's messages are queued in stored order). One thread writes each as JSON and hands it to Redis: the
     * sender's frame thread, still holding its room's lock, only queues it (writing the JSON and Lettuce's hand-off
     * were 12 % of a frame thread's CPU). When full, an event is dropped and counted: other nodes read it from the
     * database at their next catch-up, as while Redis is away.
     */
    private final java.util.concurrent.BlockingQueue<ChatEvent> outbound = new java.util.concurrent.ArrayBlockingQueue<>(OUTBOUND);
    static final int OUTBOUND = 20_000;
    private final Thread outboundWorker = Thread.ofPlatform().name("chat-broker-out").daemon(true).unstarted(this::sendOut);
    private volatile StatefulRedisConnection<String, String> publisher;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;
    private volatile boolean up;
    private volatile boolean closed;

    final AtomicLong published = new AtomicLong();
    final AtomicLong publishFailed = new AtomicLong();
    final AtomicLong received = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();

    RedisChatFanout(Receivers receivers, ChatStore store, JsonMapper json,
                    @Value("${village.chat.redis.url:redis://127.0.0.1:6379}") String url,
                    @Value("${village.chat.redis.channel:village.chat}") String channel,
                    @Value("${village.chat.catch-up-every:PT3S}") Duration catchUpEvery) {
        this.receivers = receivers;
        this.json = json;
        this.channel = channel;
        this.catchUpEvery = catchUpEvery;
        this.sequencer = new RoomSequencer(receivers, new RoomSequencer.Source() {
            @Override
            public java.util.List<org.village.chat.Chat.Message> after(long roomId, long after, int limit) {
                return store.after(roomId, after, limit);
            }

            @Override
            public Map<Long, Long> lastSeqs() {
                var map = new LinkedHashMap<Long, Long>();
                store.rooms().forEach(r -> map.put(r.id(), r.lastSeq()));
                return map;
            }

            @Override
            public Map<Long, ChatStore.RoomChanges> changes() {
                return store.roomChanges();
            }

            @Override
            public ChatStore.RoomChanges changes(long roomId) {
                return store.roomChanges(roomId).orElse(null);
            }

            @Override
            public java.util.List<ChatStore.Changed> changedAfter(long roomId, long after, long upTo, int limit) {
                return store.changedAfter(roomId, after, upTo, limit);
            }
        });
        this.client = RedisLinks.client(url);
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                if (!up) {
                    up = true;
                    log.info("Chat broker connected; reading what was missed from the database");
                    timer.execute(RedisChatFanout.this::catchUpQuietly);
                }
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (up && !closed) {
                    up = false;
                    log.warn("Chat broker connection lost; live delivery to other nodes waits, catch-up reads the database");
                }
            }
        });
        connectQuietly();
        outboundWorker.start();
    }

    /** Starts the safety net once the schema is there (Flyway ran) and the portal is ready. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = Math.max(200, catchUpEvery.toMillis());
        timer.scheduleWithFixedDelay(() -> {
            if (subscriber == null) {
                connectQuietly();
            }
            catchUpQuietly();
        }, 0, every, TimeUnit.MILLISECONDS);
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
            });
            sub.sync().subscribe(channel); // Lettuce subscribes again by itself after a reconnect
            var pub = client.connect();
            pub.setAutoFlushCommands(false); // only chat-broker-out writes on it, and flushes after each batch
            publisher = pub;
            subscriber = sub;
            up = true;
            log.info("Chat broker subscribed (Redis pub/sub)");
        } catch (RuntimeException e) {
            up = false;
            log.warn("Chat broker not reachable ({}); this node delivers its own events and reads others' from the database",
                    e.getClass().getSimpleName());
        }
    }

    private void catchUpQuietly() {
        try {
            sequencer.catchUp();
            catchUps.incrementAndGet();
        } catch (RuntimeException e) {
            log.warn("Chat catch-up failed ({}); it runs again shortly", e.getClass().getSimpleName());
        }
    }

    @Override
    public void publish(ChatEvent event) {
        sequencer.accept(event);
        var pub = publisher;
        if (pub == null || !pub.isOpen() || !outbound.offer(event)) {
            publishFailed.incrementAndGet();
        }
    }

    /** The {@code chat-broker-out} thread: each queued event, in order, to Redis. */
    private void sendOut() {
        while (!closed) {
            ChatEvent event;
            try {
                event = outbound.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            // what queued meanwhile goes in the same write to Redis: one flush for a burst, not one per event
            var batch = new java.util.ArrayList<ChatEvent>(64);
            batch.add(event);
            outbound.drainTo(batch, 255);
            var pub = publisher;
            if (pub == null || !pub.isOpen()) {
                publishFailed.addAndGet(batch.size());
                continue;
            }
            for (ChatEvent e : batch) {
                toBroker(pub, e);
            }
            try {
                pub.flushCommands();
            } catch (RuntimeException e) {
                // the commands fail by themselves (counted in their completion) and catch-up reads the database
            }
        }
    }

    private void toBroker(StatefulRedisConnection<String, String> pub, ChatEvent event) {
        String text;
        try {
            text = json.writeValueAsString(new Envelope(node, event));
        } catch (RuntimeException e) {
            publishFailed.incrementAndGet();
            log.warn("A chat event could not be written for the broker ({})", e.getClass().getSimpleName());
            return;
        }
        RedisLinks.publish(pub, channel, text, published, publishFailed);
    }

    private void fromBroker(String message) {
        Envelope envelope;
        try {
            envelope = json.readValue(message, Envelope.class);
        } catch (RuntimeException e) {
            unreadable.incrementAndGet();
            return;
        }
        if (envelope.event() == null || node.equals(envelope.node())) {
            return;
        }
        received.incrementAndGet();
        try {
            sequencer.accept(envelope.event());
        } catch (RuntimeException e) {
            log.warn("A chat event from another node could not be handed on ({}); catch-up reads it again",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public Registration receive(Consumer<ChatEvent> receiver) {
        return receivers.add(receiver);
    }

    /** Whether this node hears other nodes through the broker now. */
    public boolean connected() {
        var sub = subscriber;
        return up && sub != null && sub.isOpen();
    }

    /** Counts for the figures and the fault drills. */
    /** Catch-up rounds finished (something to wait on instead of a clock). */
    private final java.util.concurrent.atomic.AtomicLong catchUps = new java.util.concurrent.atomic.AtomicLong();

    public Map<String, Long> counts() {
        var m = new LinkedHashMap<String, Long>();
        m.put("published", published.get());
        m.put("publishFailed", publishFailed.get());
        m.put("received", received.get());
        m.put("unreadable", unreadable.get());
        m.put("delivered", sequencer.delivered.get());
        m.put("filledFromDatabase", sequencer.filledFromDatabase.get());
        m.put("duplicatesDropped", sequencer.duplicatesDropped.get());
        m.put("changesFromDatabase", sequencer.changesFromDatabase.get());
        m.put("catchUps", catchUps.get());
        return m;
    }

    /** The last number this node handed on for a room (-1: not followed yet). */
    public long lastDelivered(long roomId) {
        return sequencer.last(roomId);
    }

    @PreDestroy
    void stop() {
        closed = true;
        timer.shutdownNow();
        inbound.shutdownNow();
        outboundWorker.interrupt();
        RedisLinks.close(client, subscriber, publisher);
    }

    private static Thread daemon(Runnable r, String name) {
        return RedisLinks.daemon(r, name);
    }
}
