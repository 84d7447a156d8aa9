package org.village.moderation;

/**
 * An urgent alert was recorded, escalated or acknowledged: open pages of people on duty look again. {@code change} is
 * the change number it took (V41), so this node's watcher does not tell its pages a second time.
 */
record AlertsChanged(long alertId, long change) {
}
