package org.village.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Marks glossary terms inside already-sanitised HTML, walking it as a tree (jsoup), never with patterns over
 * markup, so a reader can tap a word and see what it means
 * without leaving the page. Uses the browser's own popover (a button with popovertarget): it works by
 * touch, mouse and keyboard, is announced as a button that opens more, and needs no script.
 * <p>
 * Only the first use of each term is marked (a page of buttons is hard to read). Text inside links,
 * headings and code is left alone. All-capital terms (MASH, BASE) match only in capitals, so "mash" and
 * "base" in ordinary sentences are not marked. Matching is word by word from a map keyed on the first
 * word, so marking a long guide against thousands of terms stays fast.
 */
public final class GlossaryMarker {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)?");
    private static final Set<String> SKIP = Set.of("a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "button");

    private final Map<String, List<Form>> byFirstWord = new HashMap<>();
    // Multi-word forms keyed on their first two words: many terms share a first word ("child ...").
    private final Map<String, List<Form>> byFirstTwo = new HashMap<>();

    private record Form(String[] words, boolean exactCase, GlossaryEntry term) {
    }

    public GlossaryMarker(List<? extends GlossaryEntry> terms) {
        for (GlossaryEntry term : terms) {
            for (String form : term.forms()) {
                var words = tokens(form);
                if (words.isEmpty()) {
                    continue;
                }
                boolean exact = form.length() >= 2 && form.equals(form.toUpperCase(Locale.ROOT))
                        && !form.equals(form.toLowerCase(Locale.ROOT));
                var f = new Form(words.toArray(String[]::new), exact, term);
                String first = words.getFirst().toLowerCase(Locale.ROOT);
                (words.size() == 1 ? byFirstWord.computeIfAbsent(first, k -> new ArrayList<>())
                        : byFirstTwo.computeIfAbsent(first + " " + words.get(1).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>())).add(f);
            }
        }
        // longest first, so "child protection conference" wins over "child protection"
        byFirstTwo.values().forEach(list -> list.sort(Comparator.comparingInt((Form f) -> -f.words().length)));
    }

    private static List<String> tokens(String text) {
        var list = new ArrayList<String>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            list.add(m.group());
        }
        return list;
    }

    /** Returns the HTML with the first use of each term marked; {@code idPrefix} keeps popover ids unique. */
    public String mark(String safeHtml, String idPrefix) {
        Document doc = Jsoup.parseBodyFragment(safeHtml == null ? "" : safeHtml);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base);
        var texts = new ArrayList<TextNode>();
        // collect first, then change: the tree must not move under the walk
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode text && !insideSkipped(text)) {
                    texts.add(text);
                }
            }
        }, doc.body());
        var marked = new HashSet<Long>();
        int[] counter = {0};
        for (TextNode text : texts) {
            markText(text, marked, idPrefix, counter);
        }
        return doc.body().html();
    }

    private static boolean insideSkipped(Node node) {
        for (Element e = node.parent() instanceof Element p ? p : null; e != null; e = e.parent()) {
            if (SKIP.contains(e.normalName())) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the text node with its words and, for each term found first here, a button and its popover. */
    private void markText(TextNode node, Set<Long> marked, String idPrefix, int[] counter) {
        String text = node.getWholeText();
        List<int[]> tokens = scan(text);
        var parts = new ArrayList<Node>();
        int copied = 0;
        for (int t = 0; t < tokens.size(); t++) {
            for (Form form : candidates(text, tokens, t)) {
                if (marked.contains(form.term().id()) || !matches(form, text, tokens, t)) {
                    continue;
                }
                int start = tokens.get(t)[0];
                int end = tokens.get(t + form.words().length - 1)[1];
                if (start > copied) {
                    parts.add(new TextNode(text.substring(copied, start)));
                }
                String id = idPrefix + "-" + (++counter[0]);
                parts.addAll(button(text.substring(start, end), form.term(), id));
                copied = end;
                marked.add(form.term().id());
                t += form.words().length - 1;
                break;
            }
        }
        if (copied == 0) {
            return;
        }
        if (copied < text.length()) {
            parts.add(new TextNode(text.substring(copied)));
        }
        Node at = node;
        for (Node part : parts) {
            at.after(part);
            at = part;
        }
        node.remove();
    }

    /** Multi-word forms starting here (longest first), then single-word ones. */
    private List<Form> candidates(String text, List<int[]> tokens, int t) {
        String first = text.substring(tokens.get(t)[0], tokens.get(t)[1]).toLowerCase(Locale.ROOT);
        List<Form> single = byFirstWord.getOrDefault(first, List.of());
        if (t + 1 >= tokens.size() || byFirstTwo.isEmpty()) {
            return single;
        }
        String second = text.substring(tokens.get(t + 1)[0], tokens.get(t + 1)[1]).toLowerCase(Locale.ROOT);
        List<Form> two = byFirstTwo.get(first + " " + second);
        if (two == null && second.endsWith("s")) {
            two = byFirstTwo.get(first + " " + second.substring(0, second.length() - 1));
        }
        if (two == null) {
            return single;
        }
        if (single.isEmpty()) {
            return two;
        }
        var all = new ArrayList<Form>(two);
        all.addAll(single);
        return all;
    }

    /** Word spans, as TOKEN would find them, without a regex: this runs for every word of every guide. */
    private static List<int[]> scan(String text) {
        var tokens = new ArrayList<int[]>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            // one apostrophe inside a word ("child's") belongs to it
            if (i + 1 < n && (text.charAt(i) == '\'' || text.charAt(i) == '\u2019') && Character.isLetter(text.charAt(i + 1))) {
                i++;
                while (i < n && Character.isLetter(text.charAt(i))) {
                    i++;
                }
            }
            tokens.add(new int[] {start, i});
        }
        return tokens;
    }

    private static boolean matches(Form form, String text, List<int[]> tokens, int at) {
        if (at + form.words().length > tokens.size()) {
            return false;
        }
        for (int k = 0; k < form.words().length; k++) {
            int[] span = tokens.get(at + k);
            if (k > 0 && !text.substring(tokens.get(at + k - 1)[1], span[0]).isBlank()) {
                return false; // words of a term must be next to each other, not across punctuation
            }
            String word = text.substring(span[0], span[1]);
            String want = form.words()[k];
            boolean last = k == form.words().length - 1;
            if (!same(word, want, form.exactCase()) && !(last && word.length() == want.length() + 1
                    && Character.toLowerCase(word.charAt(word.length() - 1)) == 's'
                    && same(word.substring(0, want.length()), want, form.exactCase()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(String word, String want, boolean exactCase) {
        return exactCase ? word.equals(want) : word.equalsIgnoreCase(want);
    }

    private static List<Node> button(String shown, GlossaryEntry term, String id) {
        var button = new Element("button").attr("type", "button").addClass("term").attr("popovertarget", id)
                .text(shown);
        var popover = new Element("span").addClass("term-popover").attr("id", id).attr("popover", "")
                .attr("role", "note");
        popover.appendElement("strong").text(term.term());
        popover.appendText(": " + term.meaning());
        if (!term.forYou().isBlank()) {
            popover.appendText(" ");
            popover.appendElement("span").addClass("term-for-you").text("What it means for you: " + term.forYou());
        }
        return List.of(button, popover);
    }
}
