package org.village.guides.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import java.util.Map;
import org.village.guides.Guides.GuideSummary;
import org.village.guides.Guides.Snippet;

/** Small pieces the guide views share. */
final class GuideUi {

    private GuideUi() {
    }

    /** Puts HTML that the guides module has already sanitised into the page. Never pass anything else. */
    static Div safeHtml(String sanitisedHtml) {
        var div = new Div();
        div.getElement().setProperty("innerHTML", sanitisedHtml);
        return div;
    }

    static RouterLink link(GuideSummary g) {
        var link = new RouterLink(GuideView.class, new com.vaadin.flow.router.RouteParameters("slug", g.slug()));
        link.addClassName("guide-link");
        var title = new Span(g.title());
        title.addClassName("guide-link-title");
        var summary = new Span(g.summary());
        summary.addClassName("guide-link-summary");
        link.add(title, summary);
        return link;
    }

    static Div list(List<GuideSummary> guides) {
        var div = new Div();
        div.addClassName("guide-list");
        guides.forEach(g -> div.add(link(g)));
        return div;
    }

    /** A search box that opens the search page; keeps working without the mouse (Enter searches). */
    static Div searchBox(String value) {
        var field = new TextField();
        field.setAriaLabel(field.getTranslation("guides.search.label"));
        field.setPlaceholder(field.getTranslation("guides.search.placeholder"));
        field.setValue(value == null ? "" : value);
        field.setMaxLength(100);
        field.setClearButtonVisible(true);
        field.addClassName("search-field");
        var button = new Button(field.getTranslation("guides.search.button"), VaadinIcon.SEARCH.create());
        button.addThemeVariants(ButtonVariant.PRIMARY);
        Runnable go = () -> field.getUI().ifPresent(ui -> ui.navigate(SearchView.class,
                QueryParameters.simple(Map.of("q", field.getValue()))));
        button.addClickListener(e -> go.run());
        field.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> go.run());
        var box = new Div(field, button);
        box.addClassName("search-box");
        box.getElement().setAttribute("role", "search");
        return box;
    }

    /** A snippet with the matching word highlighted (as text: nothing from the database becomes markup). */
    static Span snippet(Snippet s) {
        var span = new Span();
        span.addClassName("snippet");
        span.add(new Span(s.before()));
        if (!s.match().isEmpty()) {
            var mark = new Span(s.match());
            mark.getElement().setAttribute("class", "match");
            span.add(mark);
        }
        span.add(new Span(s.after()));
        return span;
    }

    static Span sampleBadge() {
        var badge = new Span();
        badge.setText(badge.getTranslation("guides.sample"));
        badge.addClassName("sample-badge");
        badge.getElement().setAttribute("title", badge.getTranslation("guides.sample.title"));
        return badge;
    }
}
