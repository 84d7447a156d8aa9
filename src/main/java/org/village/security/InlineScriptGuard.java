package org.village.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * Makes the scripts Vaadin writes into every page safe to carry any text (decision 030).
 * <p>
 * With {@code vaadin.eagerServerLoad} the page's first server response (every text the view shows: search
 * words from the address, a profile a parent wrote, an imported service's e-mail address ...) is written as
 * JSON into an inline {@code <script>}. JSON leaves {@code <} as it is, so a text holding
 * {@code </script>} ended the script element early and whatever followed ran as script. Here, just before
 * the page goes out, every {@code <} (and {@code >}, {@code &}, U+2028, U+2029) in that JSON becomes a
 * {@code \\uXXXX} escape: the same string to JavaScript, but nothing the HTML parser can see. Any other
 * inline script gets {@code </} and {@code <!--} made harmless too, in case a later Vaadin adds one.
 * Each script also gets this response's CSP nonce, so inline scripts need no {@code 'unsafe-inline'}.
 */
@Component
class InlineScriptGuard implements VaadinServiceInitListener {

    /** How Vaadin starts the script that carries the first server response (IndexHtmlRequestHandler). */
    static final String INITIAL_DATA_MARK = "window.Vaadin.TypeScript=";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::guard);
    }

    private void guard(IndexHtmlResponse response) {
        Object nonce = response.getVaadinRequest().getAttribute(SecurityHeadersFilter.NONCE_ATTRIBUTE);
        guard(response.getDocument(), nonce instanceof String s ? s : null);
    }

    /** Escapes every inline script of the page and, when there is one, gives each script the nonce. */
    static void guard(Document page, String nonce) {
        for (Element script : page.getElementsByTag("script")) {
            for (DataNode data : script.dataNodes()) {
                String js = data.getWholeData();
                data.setWholeData(js.contains(INITIAL_DATA_MARK) ? escapeData(js) : escapeCode(js));
            }
            if (nonce != null) {
                script.attr("nonce", nonce);
            }
        }
    }

    /**
     * For a script that is an assignment of JSON: every {@code <}, {@code >} and {@code &} can only be
     * inside a JSON string there, where {@code \\u003c} means the same; U+2028 and U+2029 end a line in
     * older JavaScript, so they are escaped as well.
     */
    static String escapeData(String js) {
        var out = new StringBuilder(js.length() + 32);
        for (int i = 0; i < js.length(); i++) {
            char c = js.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For any other inline script: {@code </} and {@code <!--} can only be in a string, a comment or a
     * regular expression there, where {@code <\/} and {@code <\!--} mean the same to JavaScript but not to
     * the HTML parser.
     */
    static String escapeCode(String js) {
        return js.replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
