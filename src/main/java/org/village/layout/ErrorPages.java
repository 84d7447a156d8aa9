package org.village.layout;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.village.helpnow.HelpNowService;

/** The body all error pages share: a plain title, what to do next, and help now. */
final class ErrorPages {

    private ErrorPages() {
    }

    static void fill(Div page, String title, String text, HelpNowService helpNow) {
        page.removeAll();
        page.addClassName("page");
        var p = new Paragraph(text + " ");
        p.add(new Anchor("", page.getTranslation("error.home")), new com.vaadin.flow.component.html.Span("."));
        page.add(new H1(title), p, helpNow.box());
    }
}
