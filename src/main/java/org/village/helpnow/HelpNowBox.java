package org.village.helpnow;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Aside;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;

/**
 * The "help now" box shown on every page: 999 first, then the lines open now as admins keep them
 * (made by {@link HelpNowService#box()}; there is no built-in list to fall out of date).
 */
public class HelpNowBox extends Aside {

    public HelpNowBox(List<Line> lines) {
        addClassName("help-now");
        getElement().setAttribute("aria-labelledby", "help-now-title");
        var title = new H2(getTranslation("helpnow.box.title"));
        title.setId("help-now-title");
        var danger = new Paragraph();
        danger.add(new Span(getTranslation("helpnow.box.danger") + " "), tel("999", "999"), new Span("."));
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
