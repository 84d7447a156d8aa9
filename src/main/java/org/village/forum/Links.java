package org.village.forum;

import java.util.regex.Pattern;

/**
 * Spots a link in what a new member writes (they may not post links yet, decision 079): Markdown links and images,
 * reference links, autolinks, bare web addresses ("http://", "www.") and bare domains with a common ending
 * ("example.com", "thing.co.uk"). An e-mail address is not a link here: the personal-details filter holds it back.
 */
final class Links {

    private static final Pattern LINK = Pattern.compile(
            "\\[[^\\]\\n]*]\\(\\s*<?[^)\\s]+"                                  // [text](url), ![alt](url)
                    + "|^\\s{0,3}\\[[^\\]\\n]+]:\\s*\\S+"                        // [ref]: url
                    + "|\\b(?:https?|ftp)://"                                    // bare and autolinked addresses
                    + "|\\bwww\\.[\\p{L}\\d-]"
                    + "|(?<![\\p{L}\\d@._%+-])[\\p{L}\\d-]+(?:\\.[\\p{L}\\d-]+)*\\.(?:com|org|net|uk|io|info|biz|me|ly|app"
                    + "|site|online|xyz|link|click|top|gg|tv|eu|pl)\\b(?![@\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.UNICODE_CASE);

    private Links() {
    }

    static boolean in(String text) {
        return text != null && LINK.matcher(text).find();
    }
}
