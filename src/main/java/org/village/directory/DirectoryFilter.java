package org.village.directory;

/**
 * What a person asked the directory for. Every part is optional. {@code need} is a taxonomy code,
 * {@code area} an area code, {@code postcode} a full postcode or its district ("BS5"), {@code age} in years.
 */
public record DirectoryFilter(String text, String need, String area, String postcode, Integer age, boolean openNow) {

    public static DirectoryFilter none() {
        return new DirectoryFilter(null, null, null, null, null, false);
    }
}
