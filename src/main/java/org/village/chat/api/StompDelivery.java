package org.village.chat.api;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.broker.SubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;
import org.village.chat.ChatFanout;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hands every stored or changed message that reaches this node (from any node) to this node's STOMP subscribers of
 * {@code /topic/rooms.{id}}, as the API's message JSON (decision 098). Presence and typing stay with the portal's
 * own pages.
 * <p>
 * The fan-out takes the event and returns at once: the sender's thread (under its room's lock) only queues it. One
 * thread ({@code chat-stomp-fanout}) takes the events in that order, writes the JSON and the STOMP frame once per
 * message, reads the room's subscriptions from the simple broker's registry (the one that SUBSCRIBE, UNSUBSCRIBE,
 * DISCONNECT and a dropped connection keep, and after which a SUBSCRIBE's RECEIPT is sent) and puts the frame, with
 * each subscriber's {@code subscription} and {@code message-id}, in each subscriber's {@link StompOutbox}. So every
 * connection gets a room's messages in the order they were published, and a subscription confirmed by its RECEIPT
 * gets every message published after it. Errors, receipts and heartbeats stay with Spring.
 */
@Component
class StompDelivery {

    private static final Logger log = LoggerFactory.getLogger(StompDelivery.class);
    /** Events waiting for the fan-out thread; when full, the publisher waits (nothing is dropped). */
    static final int QUEUE = 20_000;

    private final ObjectProvider<AbstractBrokerMessageHandler> broker;
    private final ObjectProvider<SimpMessagingTemplate> template;
    private final StompOutboxes outboxes;
    private final JsonMapper json;
    private final BlockingQueue<ChatEvent> events = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private final AtomicLong numbers = new AtomicLong();
    private volatile boolean stopping;
    /**
     * The broker, looked up once: {@code getIfAvailable} resolves the qualified bean again on every call, reading the
     * constructor's parameter annotations each time, and that was 29 % of the fan-out thread's CPU.
     */
    private AbstractBrokerMessageHandler brokerFound;

    /** Frames handed to connections' outboxes (figures, tests). */
    final AtomicLong framesQueued = new AtomicLong();
    /** Events fully handled by the fan-out thread (tests wait on it rather than on a clock). */
    final AtomicLong eventsDone = new AtomicLong();

    StompDelivery(ChatFanout fanout, @Qualifier("simpleBrokerMessageHandler") ObjectProvider<AbstractBrokerMessageHandler> broker,
                  ObjectProvider<SimpMessagingTemplate> template, StompOutboxes outboxes, JsonMapper json) {
        this.broker = broker;
        this.template = template;
        this.outboxes = outboxes;
        this.json = json;
        this.worker = Thread.ofPlatform().name("chat-stomp-fanout").daemon(true).unstarted(this::run);
        this.worker.start();
        fanout.receive(this::on);
    }

    private void on(ChatEvent event) {
        if (!(event instanceof ChatEvent.MessageStored) && !(event instanceof ChatEvent.MessageChanged)) {
            return;
        }
        try {
            events.put(event);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the message is stored: clients read it from their last number
            log.warn("A chat message was not handed to STOMP subscribers (interrupted)");
        }
    }

    private void run() {
        while (!stopping) {
            ChatEvent event;
            try {
                event = events.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (event == null) {
                continue;
            }
            try {
                switch (event) {
                    case ChatEvent.MessageStored stored -> send(stored.roomId(), stored.message());
                    case ChatEvent.MessageChanged changed -> send(changed.roomId(), changed.message());
                    default -> {
                    }
                }
            } catch (RuntimeException e) {
                log.warn("A chat message could not be handed to STOMP subscribers ({}); clients read it from their last"
                        + " number", e.getClass().getSimpleName());
            } finally {
                eventsDone.incrementAndGet();
            }
        }
    }

    private void send(long roomId, Chat.Message message) {
        String destination = "/topic/rooms." + roomId;
        Object body = ChatJson.message(message.forReaders());
        if (brokerFound == null) {
            brokerFound = broker.getIfAvailable(); // only the fan-out thread reads and writes it
        }
        if (!(brokerFound instanceof SimpleBrokerMessageHandler simple)) {
            // not the simple broker (never so here): Spring's own way, one conversion per subscriber
            template.getObject().convertAndSend(destination, body);
            return;
        }
        MultiValueMap<String, String> subscribers = subscriptions(simple.getSubscriptionRegistry(), destination);
        if (subscribers.isEmpty()) {
            return;
        }
        var frame = StompFrames.frame(destination, json.writeValueAsString(body), numbers.incrementAndGet());
        for (Map.Entry<String, List<String>> session : subscribers.entrySet()) {
            StompOutbox outbox = outboxes.outbox(session.getKey());
            if (outbox == null) {
                continue; // closed a moment ago: its DISCONNECT removes the subscription
            }
            for (String subscription : session.getValue()) {
                if (outbox.offer(frame.forSubscriber(outbox.escapedId, subscription),
                        frame.bytes(outbox.escapedId, subscription))) {
                    framesQueued.incrementAndGet();
                }
            }
        }
    }

    /** Who subscribed to the destination now: connection id → its subscription ids. */
    static MultiValueMap<String, String> subscriptions(SubscriptionRegistry registry, String destination) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(destination);
        Message<byte[]> probe = MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
        return registry.findSubscriptions(probe);
    }

    @PreDestroy
    void stop() {
        stopping = true;
        worker.interrupt();
    }
}
