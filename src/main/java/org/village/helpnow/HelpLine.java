package org.village.helpnow;

/**
 * One place to call for help now: a helpline from the guides' contacts or a service from the directory.
 * {@code outOfHours} marks lines meant for evenings, nights and weekends; {@code emergency} is 999.
 */
public record HelpLine(String key, String name, String description, String phone, String url,
                       OpeningHours hours, boolean outOfHours, boolean emergency) {
}
