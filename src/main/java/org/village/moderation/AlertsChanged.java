package org.village.moderation;

/** An urgent alert was recorded, escalated or acknowledged: open pages of people on duty look again. */
record AlertsChanged(long alertId) {
}
