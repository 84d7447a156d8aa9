package org.village.guides.ui;

import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import org.village.guides.GlossaryTerm;
import org.village.guides.GuideService;

/** The jargon buster: every term, what it means, and what it means for you. Filter as you type. */
@Route("jargon-buster")
@PageTitle("Jargon buster")
@Menu(order = 20, title = "Jargon buster")
@AnonymousAllowed
class GlossaryView extends Div {

    private final DescriptionList list = new DescriptionList();
    private final Paragraph status = new Paragraph();

    GlossaryView(GuideService guides) {
        addClassName("page");
        add(new H1(getTranslation("guides.jargon.title")));
        add(new Paragraph(getTranslation("guides.jargon.intro")));
        var filter = new TextField(getTranslation("guides.jargon.find"));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.setMaxLength(60);
        filter.addClassName("search-field");
        status.getElement().setAttribute("role", "status");
        status.addClassName("visually-hidden");
        list.addClassName("glossary");
        List<GlossaryTerm> terms = guides.glossary();
        filter.addValueChangeListener(e -> show(terms, e.getValue()));
        add(filter, status, list);
        show(terms, "");
    }

    private void show(List<GlossaryTerm> terms, String filter) {
        list.removeAll();
        String f = filter.strip().toLowerCase(Locale.ROOT);
        int shown = 0;
        for (GlossaryTerm t : terms) {
            if (!f.isEmpty() && t.forms().stream().noneMatch(x -> x.toLowerCase(Locale.ROOT).contains(f))
                    && !t.meaning().toLowerCase(Locale.ROOT).contains(f)) {
                continue;
            }
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
            shown++;
        }
        status.setText(getTranslation("guides.jargon.shown", shown));
    }
}
