package org.village.chat;

import java.time.Instant;

/**
 * What happened in a room, told after the change committed, through {@link ChatFanout} to every node and from there
 * to STOMP subscribers ({@code /topic/rooms.{id}}) and in-JVM listeners ({@link ChatService#listen}). Plain records
 * of plain values, so a broker transport can carry them as JSON (Jackson reads them back by the {@code type}
 * property). Held messages are never in an event: nobody but their writer and moderators may see them.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        property = "type")
@com.fasterxml.jackson.annotation.JsonSubTypes({
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ChatEvent.MessageStored.class, name = "stored"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ChatEvent.MessageChanged.class, name = "changed"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ChatEvent.RoomChanged.class, name = "room"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ChatEvent.Presence.class, name = "presence"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ChatEvent.PresenceRenewed.class, name = "presence-renewed"),
        @com.fasterxml.jackson.annotation.JsonSubTypes.Type(value = ChatEvent.Typing.class, name = "typing")})
public sealed interface ChatEvent {

    long roomId();

    /** A message is stored and shown (new, or approved by a moderator: then it has its number only now). */
    record MessageStored(long roomId, Chat.Message message) implements ChatEvent {
    }

    /** A shown message changed: removed by a moderator or hidden after reports (the message as readers see it). */
    record MessageChanged(long roomId, Chat.Message message) implements ChatEvent {
    }

    /** The room's settings or hours changed (opened early, closed, read-only, slow mode): read it again. */
    record RoomChanged(long roomId) implements ChatEvent {
    }

    /** Someone opened ({@code here}) or left the room; {@code node} tells which node's count it is. */
    record Presence(long roomId, long accountId, String name, boolean here, String node, Instant at) implements ChatEvent {
    }

    /**
     * Who has the room open on {@code node}, said again by that node every few seconds (decision 084): other nodes
     * keep a node's people only while it renews them, so a node that stops leaves nobody "here" for long.
     */
    record PresenceRenewed(long roomId, String node, java.util.List<Chat.Present> here, Instant at) implements ChatEvent {
    }

    /** Someone is typing (sent at most every few seconds while they type). */
    record Typing(long roomId, long accountId, String name, Instant at) implements ChatEvent {
    }
}
