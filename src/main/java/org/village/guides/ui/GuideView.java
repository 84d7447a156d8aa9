package org.village.guides.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.village.guides.GuideService;
import org.village.guides.Guides.GuidePage;
import org.village.guides.HelpNowService;
import org.village.shared.ui.HelpNowBox;

/**
 * One guide or pathway. The tab title stays plain ("Guide"), not the guide's title: someone glancing at
 * the browser should not learn what the parent was reading. Printing leaves out the navigation.
 */
@Route("guides/:slug")
@PageTitle("Guide")
@AnonymousAllowed
class GuideView extends Div implements BeforeEnterObserver {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final GuideService guides;
    private final HelpNowService helpNow;

    GuideView(GuideService guides, HelpNowService helpNow) {
        this.guides = guides;
        this.helpNow = helpNow;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String slug = event.getRouteParameters().get("slug").orElse("");
        guides.page(slug).ifPresentOrElse(this::show, this::notFound);
    }

    private void show(GuidePage page) {
        var crumbs = new Paragraph(new RouterLink("Guides", GuidesView.class), new Span(" › " + page.category().name()));
        crumbs.addClassNames("crumbs", "no-print");
        var title = new H1(page.title());
        var summary = new Paragraph(page.summary());
        summary.addClassName("lead");
        var meta = new Paragraph();
        meta.addClassName("guide-meta");
        if (page.isPathway()) {
            meta.add(new Span("Step by step"));
        }
        if (page.lastChecked() != null) {
            meta.add(new Span("Last checked " + DATE.format(page.lastChecked())));
        }
        if (page.sample()) {
            meta.add(GuideUi.sampleBadge());
        }
        var print = new Button("Print this page", VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.TERTIARY);
        print.addClassName("no-print");
        var body = GuideUi.safeHtml(page.html());
        body.addClassNames("guide-body", page.isPathway() ? "pathway" : "guide");
        var tip = new Paragraph("Words with a dotted line are explained: tap or select them.");
        tip.addClassNames("term-tip", "no-print");
        add(crumbs, title, summary, meta, print, new HelpNowBox(helpNow.panel(3)), tip, body);
        if (!page.related().isEmpty()) {
            var related = new Div(new H2("Related guides"), GuideUi.list(page.related()));
            related.addClassNames("related", "no-print");
            add(related);
        }
        var more = new Paragraph(new Span("Stuck on a word? "), new RouterLink("See the jargon buster", GlossaryView.class),
                new Span("."));
        more.addClassName("no-print");
        add(more);
    }

    private void notFound() {
        add(new H1("We could not find that guide"));
        add(new Paragraph("The link may be old, or the guide may have moved. Try searching instead."));
        add(GuideUi.searchBox(""));
        add(new Paragraph(new RouterLink("See all guides", GuidesView.class)));
        add(new HelpNowBox(helpNow.panel(3)));
    }
}
