package org.village.directory;

import java.time.Instant;

/**
 * What a person asked the directory for. Every part is optional. {@code need} is a taxonomy code,
 * {@code area} an area code, {@code postcode} a full postcode or its district ("BS5"), {@code age} in years,
 * {@code openAt} keeps services open at that moment ("open now" passes the current time).
 */
public record DirectoryFilter(String text, String need, String area, String postcode, Integer age, Instant openAt) {

    public static DirectoryFilter none() {
        return new DirectoryFilter(null, null, null, null, null, null);
    }

    public static DirectoryFilter text(String text) {
        return new DirectoryFilter(text, null, null, null, null, null);
    }
}
