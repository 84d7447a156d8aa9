package org.village.content;

/**
 * What a piece of text may contain once it is on a page. Each use has its own policy: a guide is written by
 * staff and has structure; a forum post is written by parents and links out with {@code rel="nofollow ugc
 * noopener"}; a chat message is short and has emphasis and links only. Every policy allows links only to
 * {@code http}, {@code https}, {@code mailto} and {@code tel} addresses.
 */
public enum ContentPolicy {
    /** Headings, tables, lists, quotes, links, emphasis and code. */
    GUIDE(50_000, "a guide"),
    /** Emphasis, lists, quotes and links marked as user content. */
    FORUM_POST(20_000, "a post"),
    /** Emphasis and links only. */
    CHAT_MESSAGE(4_000, "a message");

    /** How deeply lists and quotes may sit inside each other. */
    public static final int MAX_NESTING = 16;

    private final int maxChars;
    private final String words;

    ContentPolicy(int maxChars, String words) {
        this.maxChars = maxChars;
        this.words = words;
    }

    /** The longest text this policy accepts, in characters. */
    public int maxChars() {
        return maxChars;
    }

    /** How the text is named to the person writing it ("a post"). */
    public String words() {
        return words;
    }
}
