package org.village.notification;

import java.util.List;

/**
 * Several e-mails are waiting in the outbox: what {@link Emails#sendAll} publishes, one event for up to
 * {@link Emails#PER_EVENT} e-mails instead of one each (decision 100). Like {@link EmailQueued}, the event publication
 * registry keeps it until every one of them was sent; a resubmission sends only those not yet marked sent. Only the
 * outbox ids travel: no address or words in the registry.
 */
public record EmailsQueued(List<Long> emailIds) {

    public EmailsQueued {
        emailIds = List.copyOf(emailIds);
    }
}
