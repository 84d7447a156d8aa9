package org.village.shared.notices;

/**
 * Node-wide notices (decision 112): something that a node may have cached or vouched for changed in the database (a
 * token revoked, an account's security stamp moved, a sanction given), told to every node of the portal at once, so
 * each can keep answers between reads and still drop them the moment they stop being true. A notice carries ids and
 * token hashes only, never anything personal.
 * <p>
 * One node ({@code village.chat.broker} unset): delivered to this node's listeners only. Several nodes
 * ({@code village.chat.broker=redis}): also on a Redis channel that every node subscribes to. A notice is published
 * once the transaction it belongs to commits (never for one that rolls back, never before the change can be read).
 * While the broker is away a notice may be missed, so {@link #reliable()} is false and listeners are told
 * {@link Listener#missed()} when it is lost and again when it returns: they must not trust what they kept meanwhile.
 */
public interface NodeNotices {

    /**
     * What changed. {@code kind} says which (for example {@link #ACCOUNT}); {@code accountId} whose; {@code key} an
     * optional detail that is never personal (a token's hash), or null.
     */
    record Notice(String kind, long accountId, String key) {
    }

    /** An account's tokens and sessions stopped working (new password or stamp, switched off, every token revoked). */
    String ACCOUNT = "account";
    /** One token stopped working: {@code key} is its hash. */
    String TOKEN = "token";
    /** An account's sanctions (silence, suspension) changed. */
    String SANCTION = "sanction";

    /** Tells every node (this one too) once the current transaction commits, or now when there is none. */
    void publish(Notice notice);

    /** Hears every notice, from this node and from the others, and when notices may have been missed. */
    void listen(Listener listener);

    /**
     * True while every notice published on any node reaches this one: always on one node; with a broker, while this
     * node is connected to it. While false, nothing may be answered from what a listener kept.
     */
    boolean reliable();

    interface Listener {
        void notice(Notice notice);

        /** Notices may have been missed (the broker went away, or came back): forget everything kept. */
        void missed();
    }
}
