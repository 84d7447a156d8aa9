package org.village.notification;

/**
 * An e-mail is waiting in the outbox. Sent from a listener of this event, so the event publication registry keeps it
 * until the send worked (decision 071). Only the outbox id travels: no address or words in the registry.
 */
public record EmailQueued(long emailId) {
}
