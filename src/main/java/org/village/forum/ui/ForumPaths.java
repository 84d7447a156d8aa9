package org.village.forum.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.function.IntConsumer;

/** Reading numbers from addresses, the kind "not here" page and the pager. */
final class ForumPaths {

    private ForumPaths() {
    }

    /** A positive number from an address part, or 0 for anything else (a forged or mistyped address). */
    static long number(String text) {
        if (text == null || text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
            return 0;
        }
        return Long.parseLong(text);
    }

    /** Said the same way whether the thing never existed or the reader may not see it. */
    static <T extends Component & HasComponents> void notFound(T view) {
        var back = new RouterLink(view.getTranslation("forum.back"), ForumView.class);
        view.add(new H1(view.getTranslation("forum.notFound.title")), new Paragraph(view.getTranslation("forum.notFound.text")),
                back);
    }

    static Nav pager(Component c, int page, int pages, IntConsumer go) {
        var nav = new Nav();
        nav.addClassName("forum-pager");
        nav.getElement().setAttribute("aria-label", c.getTranslation("forum.pages"));
        if (pages <= 1) {
            nav.setVisible(false);
            return nav;
        }
        var previous = new Button(c.getTranslation("forum.previous"), e -> go.accept(page - 1));
        previous.setEnabled(page > 1);
        var next = new Button(c.getTranslation("forum.next"), e -> go.accept(page + 1));
        next.setEnabled(page < pages);
        next.setId("forum-next-page");
        nav.add(previous, new Span(c.getTranslation("forum.pageOf", page, pages)), next);
        return nav;
    }
}
