package org.village.chat.api;

import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;

/**
 * STOMP 1.2 over a plain WebSocket at {@code /ws} for other apps (decision 082). No SockJS. The handshake is open
 * (HttpAccess); who is connecting is decided by the {@code CONNECT} frame's {@code Authorization: Bearer} token
 * ({@link StompGate}). A browser page from another site cannot open it: the {@code Origin} must be the portal's own or
 * one in {@code village.chat.allowed-origins} (a client that sends no {@code Origin}, such as a phone app, is let
 * through to the token check). Clients send to {@code /app/...} only; {@code /topic/rooms.{id}} and
 * {@code /user/queue/errors} are for subscribing. Frames over {@code village.chat.max-frame-bytes} close the
 * connection with an ERROR frame.
 */
@Configuration
@EnableWebSocketMessageBroker
class ChatStompConfig implements WebSocketMessageBrokerConfigurer {

    private final StompGate gate;
    private final org.springframework.beans.factory.ObjectProvider<StompSessions> sessions;
    private final org.springframework.beans.factory.ObjectProvider<StompOutboxes> outboxes;
    private final String[] allowedOrigins;
    private final int maxFrameBytes;
    private final int frameThreads;

    ChatStompConfig(StompGate gate, org.springframework.beans.factory.ObjectProvider<StompSessions> sessions,
                    org.springframework.beans.factory.ObjectProvider<StompOutboxes> outboxes, @Value("${village.chat.allowed-origins:}") String allowedOrigins,
                    @Value("${village.chat.max-frame-bytes:32768}") int maxFrameBytes,
                    @Value("${village.chat.frame-threads:10}") int frameThreads) {
        this.gate = gate;
        this.sessions = sessions;
        this.outboxes = outboxes;
        this.allowedOrigins = Arrays.stream(allowedOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
        this.maxFrameBytes = maxFrameBytes;
        this.frameThreads = Math.max(1, frameThreads);
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // same-origin requests are always allowed by Spring; these are the other sites allowed, none by default
        registry.addEndpoint("/ws").setAllowedOriginPatterns(allowedOrigins);
        registry.setErrorHandler(new StompErrors());
        // not setPreserveReceiveOrder: with it Spring hands frames on from a queue, and a refusal in StompGate no
        // longer becomes an ERROR frame (tried: ChatStompIT fails). So two frames of one connection may be handled at
        // the same moment; the stored order (seq) is the order.
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        var heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(1);
        heartbeats.setThreadNamePrefix("chat-heartbeat-");
        heartbeats.setDaemon(true);
        heartbeats.initialize();
        registry.enableSimpleBroker("/topic", "/queue").setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeats);
        registry.setApplicationDestinationPrefixes("/app");
        registry.setUserDestinationPrefix("/user");
        registry.setPreservePublishOrder(true);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(gate);
        // frames are handled (the send and its token check) on a few threads of their own, about as many as the pool's
        // connections, and wait in memory beyond that (decision 107). On Spring Boot's executor each frame had a
        // virtual thread of its own: under a burst or on a cold node they all queued at the pool, timed out together
        // after 30 s and cut their connections, and every reconnect added reads to the queue. Spring Boot's own
        // configurer sets its executor first; this one, called after it, wins.
        var frames = new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor();
        frames.setCorePoolSize(frameThreads);
        frames.setMaxPoolSize(frameThreads);
        frames.setThreadNamePrefix("chat-frame-");
        frames.setDaemon(true); // not a bean: nothing shuts it down with the context, and it must not keep the JVM up
        frames.setWaitForTasksToCompleteOnShutdown(true);
        frames.setAwaitTerminationSeconds(10);
        frames.initialize();
        registration.executor(frames);
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit(maxFrameBytes);
        registration.setSendBufferSizeLimit(StompOutboxes.SEND_BUFFER_LIMIT);
        registration.setSendTimeLimit(StompOutboxes.SEND_TIME_LIMIT_MS);
        registration.setTimeToFirstMessage(30_000);
        // inner: each connection's own thread-safe decorator and the outbox of its room frames (decision 098)
        registration.addDecoratorFactory(handler -> outboxes.getObject().decorate(handler));
        registration.addDecoratorFactory(handler -> sessions.getObject().decorate(handler, maxFrameBytes));
    }
}
