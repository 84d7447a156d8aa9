package org.village.guides.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.guides.GuideService;
import org.village.guides.Guides.HitKind;

/** Search results for guides and the jargon buster, with the matching words shown in context. */
@Route("guides/search")
@AnonymousAllowed
class SearchView extends Div implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    private final GuideService guides;

    SearchView(GuideService guides) {
        this.guides = guides;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String q = event.getLocation().getQueryParameters().getSingleParameter("q").orElse("");
        add(new H1(getTranslation("guides.search.title")), GuideUi.searchBox(q));
        if (q.isBlank()) {
            add(new Paragraph(getTranslation("guides.search.hint")));
            return;
        }
        var result = guides.search(q, 20);
        var status = new Paragraph();
        status.getElement().setAttribute("role", "status");
        if (result.corrected() != null) {
            status.add(new Span(getTranslation("guides.search.corrected", result.corrected(), result.query()) + " "));
        }
        status.add(new Span(result.hits().isEmpty() ? getTranslation("guides.search.none")
                : result.hits().size() == 1 ? getTranslation("guides.search.one")
                : getTranslation("guides.search.many", result.hits().size())));
        add(status);
        if (result.didYouMean() != null) {
            // offered only when the fixed spelling finds more than what was typed
            var offer = new Paragraph(new Span(getTranslation("guides.search.didYouMean") + " "),
                    new com.vaadin.flow.component.html.Anchor("guides/search?" + com.vaadin.flow.router.QueryParameters
                            .simple(java.util.Map.of("q", result.didYouMean())).getQueryString(), result.didYouMean()),
                    new Span("?"));
            offer.setId("did-you-mean");
            add(offer);
        }
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
                item.add(new Span(getTranslation("guides.search.term") + " "), link);
            }
            item.add(new Paragraph(GuideUi.snippet(hit.snippet())));
            list.add(item);
        }
        add(list);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.search");
    }
}
