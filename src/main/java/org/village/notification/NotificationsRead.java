package org.village.notification;

/** Some of an account's notifications were marked as read: the bell on that person's other open pages follows. */
public record NotificationsRead(long accountId) {
}
