package org.village.notification;

/** A notification was saved for an account (decision 066: ids only). The bell on that person's open pages listens. */
public record NotificationCreated(long notificationId, long accountId) {
}
