package org.village.notification;

import java.util.List;

/**
 * An e-mail to an address that belongs to no account, such as a partnership's out-of-hours contact: sent after the
 * commit by {@link EmailSender}, and kept by the event publication registry until it went (decision 071). It holds
 * only the words' key and arguments and the address a worker set for the service, never a parent's details.
 */
public record EmailToAddress(String address, String bodyKey, List<String> bodyArgs, String link, String language) {
}
