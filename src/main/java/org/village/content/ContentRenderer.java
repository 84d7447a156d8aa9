package org.village.content;

import java.util.ArrayList;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.village.content.internal.Policies;
import org.village.shared.InputProblem;

/**
 * Markdown (CommonMark) to safe HTML under a {@link ContentPolicy}. Front matter is left out; raw HTML is
 * escaped; links go only to {@code http}, {@code https}, {@code mailto} and {@code tel} addresses; and the
 * result always passes the policy's OWASP allow-list. Text longer than the policy allows, or nested deeper
 * than {@value ContentPolicy#MAX_NESTING} levels, is refused with a kind {@link InputProblem}.
 */
public final class ContentRenderer {

    private static final Pattern STEP = Pattern.compile("(?m)^## +Step\\b");
    private static final Pattern HEADING2 = Pattern.compile("(?m)^## ");

    private ContentRenderer() {
    }

    /** Safe HTML for any Markdown under the policy; throws {@link InputProblem} when it is too long or too deep. */
    public static String html(String markdown, ContentPolicy policy) {
        String text = markdown == null ? "" : markdown;
        checkLength(text, policy);
        Node document = Policies.parser().parse(text);
        checkNesting(document);
        return Policies.sanitiser(policy).sanitize(Policies.renderer().render(document));
    }

    /**
     * Throws the {@link InputProblem} that {@link #html} would throw for this text (too long, or nested too deeply),
     * without making the HTML: for a caller that keeps the text and renders it later, or never (a chat message is
     * sent as text, decision 099). Text with at most {@value ContentPolicy#MAX_NESTING} marker characters is not
     * parsed at all: every list or quote level on a path needs a marker of its own ({@code - + * >}, or {@code . )}
     * after an ordered item's digits), so such text cannot be nested deeper than that.
     */
    public static void check(String markdown, ContentPolicy policy) {
        String text = markdown == null ? "" : markdown;
        checkLength(text, policy);
        if (markers(text) <= ContentPolicy.MAX_NESTING) {
            return;
        }
        checkNesting(Policies.parser().parse(text));
    }

    /** How many characters could start a list item or a quote: an upper bound on the nesting depth. */
    static int markers(String text) {
        int n = 0;
        for (int i = 0, len = text.length(); i < len; i++) {
            switch (text.charAt(i)) {
                case '-', '+', '*', '>', '.', ')' -> n++;
                default -> {
                }
            }
        }
        return n;
    }

    /** Throws a kind {@link InputProblem} when the text is longer than the policy allows. */
    public static void checkLength(String text, ContentPolicy policy) {
        if (text != null && text.length() > policy.maxChars()) {
            // the policy's name is in the key ("content.problem.tooLong.GUIDE" says "for a guide")
            throw InputProblem.keyed(null, "content.problem.tooLong." + policy.name(), text.length(), policy.maxChars());
        }
    }

    private static void checkNesting(Node document) {
        if (depth(document) > ContentPolicy.MAX_NESTING) {
            throw InputProblem.keyed(null, "content.problem.tooDeep", String.valueOf(ContentPolicy.MAX_NESTING));
        }
    }

    /** Deepest nesting of lists and quotes, walked without recursion so hostile input cannot overflow the stack. */
    private static int depth(Node root) {
        int deepest = 0;
        var stack = new ArrayList<Object[]>();
        stack.add(new Object[] {root, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.removeLast();
            Node node = (Node) top[0];
            int level = (Integer) top[1] + (node instanceof ListBlock || node instanceof BlockQuote ? 1 : 0);
            deepest = Math.max(deepest, level);
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                stack.add(new Object[] {child, level});
            }
        }
        return deepest;
    }

    /**
     * A guide pathway: its "## Step ..." sections become an ordered list of step cards; the text before the
     * first step and the sections after the last step stay as they are. Uses the {@link ContentPolicy#GUIDE} policy.
     */
    public static String pathwayHtml(String markdown) {
        String text = markdown == null ? "" : markdown;
        checkLength(text, ContentPolicy.GUIDE);
        var stepStarts = new ArrayList<Integer>();
        var m = STEP.matcher(text);
        while (m.find()) {
            stepStarts.add(m.start());
        }
        if (stepStarts.isEmpty()) {
            return html(text, ContentPolicy.GUIDE);
        }
        var out = new StringBuilder(html(text.substring(0, stepStarts.getFirst()), ContentPolicy.GUIDE));
        out.append("<ol class=\"steps\">");
        String tail = "";
        for (int s = 0; s < stepStarts.size(); s++) {
            int start = stepStarts.get(s);
            int end = s + 1 < stepStarts.size() ? stepStarts.get(s + 1) : text.length();
            String section = text.substring(start, end);
            if (s == stepStarts.size() - 1) {
                var next = HEADING2.matcher(section);
                if (next.find(3)) {
                    tail = section.substring(next.start());
                    section = section.substring(0, next.start());
                }
            }
            out.append("<li class=\"step\">").append(html(section, ContentPolicy.GUIDE)).append("</li>");
        }
        out.append("</ol>").append(html(tail, ContentPolicy.GUIDE));
        return out.toString();
    }
}
