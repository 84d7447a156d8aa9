package org.village.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The "help now" box shown on every page that talks about harm, and on error pages: 999 first,
 * then lines that are open now (when the caller knows them) or the always-open national lines.
 */
public class HelpNowBox extends Aside {

    /** Lines that are open around the clock, used when nothing better is known. */
    public static final List<Line> ALWAYS_OPEN = List.of(
            new Line("Childline, for children and young people", "0800 1111", "open all day and night"),
            new Line("Samaritans, if you need to talk", "116 123", "open all day and night"),
            new Line("Police, when it is not an emergency", "101", "open all day and night"));

    public HelpNowBox() {
        this(ALWAYS_OPEN);
    }

    public HelpNowBox(List<Line> lines) {
        addClassName("help-now");
        getElement().setAttribute("aria-labelledby", "help-now-title");
        var title = new H2("Help now");
        title.setId("help-now-title");
        var danger = new Paragraph();
        danger.add(new Span("If someone is in danger now, call "), tel("999", "999"), new Span("."));
        var list = new UnorderedList();
        for (var line : lines) {
            list.add(new ListItem(new Span(line.name() + ": "), tel(line.phone(), line.phone()),
                    new Span(line.when() == null || line.when().isBlank() ? "" : " (" + line.when() + ")")));
        }
        add(title, danger, list);
    }

    private static Anchor tel(String number, String text) {
        return new Anchor("tel:" + number.replace(" ", ""), text);
    }

    public record Line(String name, String phone, String when) {
    }
}
