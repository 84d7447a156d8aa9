/**
 * Live group chat (issue 11): rooms with opening hours (the shared opening-hours model), messages stored first with
 * a per-room sequence number and a client id (so a retry never makes a second one and a client catches up after a
 * drop from its last number), moderation by the worker on duty (the same filters, reports and queue as the forum:
 * {@code moderation}), and an API for other apps: REST under {@code /api/chat} and STOMP over a plain WebSocket at
 * {@code /ws} (decisions 080, 081 and 082).
 * <p>
 * {@link org.village.chat.ChatService} is the one entry point, for the Vaadin views and the STOMP/REST controllers
 * alike; it checks who is asking on every call. After a change commits it publishes a
 * {@link org.village.chat.ChatEvent} through the {@link org.village.chat.ChatFanout} seam: one node delivers in
 * process; several nodes put a broker behind the same seam.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chat",
        allowedDependencies = {"security", "moderation", "content", "guides", "helpnow", "directory", "notification",
                "shared"})
package org.village.chat;
