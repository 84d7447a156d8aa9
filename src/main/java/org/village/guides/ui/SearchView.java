package org.village.guides.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.guides.GuideService;
import org.village.guides.Guides.HitKind;

/** Search results for guides and the jargon buster, with the matching words shown in context. */
@Route("guides/search")
@PageTitle("Search")
@AnonymousAllowed
class SearchView extends Div implements BeforeEnterObserver {

    private final GuideService guides;

    SearchView(GuideService guides) {
        this.guides = guides;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        add(new H1("Search"), GuideUi.searchBox(q));
        if (q.isBlank()) {
            add(new Paragraph("Type a word or a question, like \"strategy meeting\" or \"my child is missing\"."));
            return;
        }
        var result = guides.search(q, 20);
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        if (result.corrected() != null) {
            status.add(new Span("Showing results for \"" + result.corrected() + "\". "));
        }
        status.add(new Span(result.hits().isEmpty() ? "Nothing found. Try a shorter or different word."
                : result.hits().size() + (result.hits().size() == 1 ? " result." : " results.")));
        add(status);
        var list = new Div();
        list.addClassName("results");
        for (var hit : result.hits()) {
            var item = new Div();
            item.addClassName("result");
            if (hit.kind() == HitKind.GUIDE) {
                var link = new RouterLink(hit.title(), GuideView.class, new RouteParameters("slug", hit.key()));
                item.add(link);
            } else {
                var link = new com.vaadin.flow.component.html.Anchor("jargon-buster#" + hit.key(), hit.title());
                item.add(new Span("Jargon buster: "), link);
            }
            item.add(new Paragraph(GuideUi.snippet(hit.snippet())));
            list.add(item);
        }
        add(list);
    }
}
