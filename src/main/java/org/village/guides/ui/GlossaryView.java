package org.village.guides.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.village.guides.GlossaryTerm;
import org.village.guides.GuideService;

/**
 * The jargon buster: every term, what it means, and what it means for you. Filter as you type; the filter is
 * kept in the address ({@code /jargon-buster?q=...}) so a link or a reload shows the same words. Typos are
 * forgiven (real words never changed), and the page says so in plain view when nothing matches.
 */
@Route("jargon-buster")
@Menu(order = 20, title = "Jargon buster")
@AnonymousAllowed
class GlossaryView extends Div implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    private final GuideService guides;
    private final TextField filter = new TextField();
    private final DescriptionList list = new DescriptionList();
    private final Paragraph status = new Paragraph();
    private final Div notice = new Div();

    GlossaryView(GuideService guides) {
        this.guides = guides;
        addClassName("page");
        add(new H1(getTranslation("guides.jargon.title")));
        add(new Paragraph(getTranslation("guides.jargon.intro")));
        filter.setLabel(getTranslation("guides.jargon.find"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setMaxLength(60);
        filter.addClassName("search-field");
        status.getElement().setAttribute("role", "status");
        status.addClassName("visually-hidden");
        notice.setId("jargon-notice");
        notice.getElement().setAttribute("aria-live", "polite");
        list.addClassName("glossary");
        filter.addValueChangeListener(e -> {
            show(e.getValue());
            if (e.isFromClient()) {
                keepInAddress(e.getValue());
            }
        });
        add(filter, status, notice, list);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        if (q.length() > 60) {
            q = q.substring(0, 60);
        }
        if (filter.getValue().equals(q)) {
            show(q);
        } else {
            filter.setValue(q);
        }
    }

    private void keepInAddress(String value) {
        var ui = getUI().orElse(null);
        if (ui == null) {
            return;
        }
        var params = value.isBlank() ? QueryParameters.empty() : QueryParameters.simple(Map.of("q", value.strip()));
        String query = params.getQueryString();
        ui.getPage().getHistory().replaceState(null, "jargon-buster" + (query.isEmpty() ? "" : "?" + query));
    }

    private void show(String value) {
        list.removeAll();
        notice.removeAll();
        var result = guides.filterTerms(value);
        List<GlossaryTerm> terms = result.terms();
        if (result.corrected() != null) {
            notice.add(new Paragraph(getTranslation("guides.jargon.corrected", result.typed(), result.corrected())));
        }
        if (terms.isEmpty() && !result.typed().isEmpty()) {
            var none = new Paragraph(getTranslation("guides.jargon.none", result.typed()) + " ");
            var search = new Anchor("guides/search?" + QueryParameters.simple(Map.of("q", result.typed())).getQueryString(),
                    getTranslation("guides.jargon.searchGuides"));
            none.add(search);
            notice.add(none);
        }
        for (GlossaryTerm t : terms) {
            var term = new DescriptionList.Term(t.term());
            term.setId(t.anchor());
            var meaning = new Div(new Paragraph(t.meaning()));
            if (!t.forYou().isBlank()) {
                var forYou = new Paragraph(new Span(getTranslation("guides.jargon.forYou") + " "), new Span(t.forYou()));
                forYou.addClassName("term-for-you");
                meaning.add(forYou);
            }
            if (!t.alsoKnownAs().isEmpty()) {
                meaning.add(new Paragraph(getTranslation("guides.jargon.aka", String.join(", ", t.alsoKnownAs()))));
            }
            list.add(term, new DescriptionList.Description(meaning));
        }
        status.setText(getTranslation("guides.jargon.shown", terms.size()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.jargon");
    }
}
