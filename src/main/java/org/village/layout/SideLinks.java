package org.village.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The side navigation as ONE element (decision 053): a {@code <nav>} whose inner HTML is a list of plain
 * {@code <a href router-link>} links, so Vaadin's client router still follows them without a page load. Fourteen
 * {@code SideNavItem} components cost every open page about thirty state nodes on the server; this costs one, with
 * its HTML as a single property. The open page is marked with {@code aria-current} in the browser after each
 * navigation ({@link #show(String)}: one small script, not a rebuild, so a link that has focus keeps it).
 * Labels come from the bundles and are escaped by jsoup; every character past ASCII is written as a character
 * reference, so the HTML is kept in one byte per character.
 */
@Tag("nav")
public class SideLinks extends Component {

    /** One link: its words and the route's path ("" for the home page). */
    public record Link(String label, String path) {
    }

    private static final String MARK = """
            const here = $0;
            for (const a of this.querySelectorAll('a[href]')) {
              const path = a.getAttribute('href');
              if (path === here) a.setAttribute('aria-current', 'page');
              else if (path !== '' && here.startsWith(path + '/')) a.setAttribute('aria-current', 'true');
              else a.removeAttribute('aria-current');
            }""";

    SideLinks(String label, List<Link> links) {
        getElement().setAttribute("aria-label", label);
        getElement().setAttribute("class", "side-links");
        getElement().setProperty("innerHTML", html(label, links));
    }

    /**
     * An empty body to build a frame part's HTML in: jsoup escapes the words, writes no line breaks, and writes every
     * character past ASCII as a character reference (Java then keeps the HTML in one byte per character).
     */
    static Element fragment() {
        var doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.US_ASCII);
        return doc.body();
    }

    static String html(String label, List<Link> links) {
        var body = fragment();
        // the name shown above the links, as SideNav showed it; the nav's aria-label names the landmark
        body.appendElement("div").addClass("side-links-label").attr("aria-hidden", "true").text(label);
        var list = body.appendElement("ul");
        for (var link : links) {
            list.appendElement("li").appendElement("a")
                    .attr("href", path(link.path()))
                    .attr("router-link", "")
                    .text(link.label());
        }
        return body.html();
    }

    /** A route's path as Vaadin's router links write it: relative to the page's base, no leading slash. */
    static String path(String path) {
        var p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    /** Marks the link of the page now open (and of its section, for a page under it) in the browser. */
    void show(String location) {
        getElement().executeJs(MARK, path(location));
    }

    /** The links' words in order, as a person reads them (tests read the menu through this). */
    public List<String> labels() {
        return links().stream().map(Element::text).toList();
    }

    /** The links' addresses in order, as written in the page. */
    public List<String> paths() {
        return links().stream().map(a -> a.attr("href")).toList();
    }

    private List<Element> links() {
        return Jsoup.parseBodyFragment(getElement().getProperty("innerHTML", "")).select("a[href]");
    }
}
