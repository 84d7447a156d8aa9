package org.village.shared.ui;

import com.vaadin.flow.component.HasElement;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;

/**
 * Words shown as an element's own inner HTML, escaped by jsoup, instead of a child text node (decision 056). Vaadin
 * keeps a state node on the server for every text node of an open page, for as long as the page is open; an element's
 * property costs a map entry. Use it only for an element with no children on the server, whose words the server never
 * reads back (a button's label, a link's words, a line of status). The text is always escaped: never pass HTML.
 */
public final class TextAsHtml {

    private static final Document.OutputSettings ASCII = new Document.OutputSettings()
            .charset(java.nio.charset.StandardCharsets.US_ASCII).prettyPrint(false);

    private TextAsHtml() {
    }

    /** Sets {@code text} (escaped) as the element's inner HTML; null is empty. */
    public static <T extends HasElement> T set(T component, String text) {
        component.getElement().setProperty("innerHTML", escape(text));
        return component;
    }

    /**
     * Text for HTML content and attributes, with every character past ASCII as a character reference (Java then keeps
     * it in one byte per character).
     */
    public static String escape(String text) {
        return text == null ? "" : Entities.escape(text, ASCII);
    }
}
