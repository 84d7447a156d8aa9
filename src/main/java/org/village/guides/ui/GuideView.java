package org.village.guides.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.village.directory.DirectoryService;
import org.village.guides.GuideNeeds;
import org.village.guides.GuideService;
import org.village.guides.Guides.GuidePage;
import org.village.guides.Languages;
import org.village.helpnow.HelpNowService;

/**
 * One guide or pathway. The tab title stays plain ("Guide"), not the guide's title: someone glancing at
 * the browser should not learn what the parent was reading. Printing leaves out the navigation.
 */
@Route("guides/:slug")
@AnonymousAllowed
class GuideView extends Div implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final GuideService guides;
    private final HelpNowService helpNow;
    private final GuideNeeds needs;
    private final DirectoryService directory;

    GuideView(GuideService guides, HelpNowService helpNow, GuideNeeds needs, DirectoryService directory) {
        this.guides = guides;
        this.helpNow = helpNow;
        this.needs = needs;
        this.directory = directory;
        addClassName("page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String slug = event.getRouteParameters().get("slug").orElse("");
        // an address's ?lang= wins (a shared link); otherwise the interface language the reader chose (decision 065)
        String lang = event.getLocation().getQueryParameters().getSingleParameter("lang")
                .orElse(getLocale() == null ? Languages.ENGLISH : getLocale().getLanguage());
        // an unknown address is answered with 404 by GuideNotFoundView, which keeps the kind page and search
        show(guides.page(slug, lang).orElseThrow(() -> new GuideNotFound(slug)), lang);
    }

    private void show(GuidePage page, String wanted) {
        var crumbs = new Paragraph(new RouterLink(getTranslation("guides.guide.all"), GuidesView.class), new Span(" › " + page.category().name()));
        crumbs.addClassNames("crumbs", "no-print");
        var title = new H1(page.title());
        var summary = new Paragraph(page.summary());
        summary.addClassName("lead");
        var meta = new Paragraph();
        meta.addClassName("guide-meta");
        if (page.isPathway()) {
            meta.add(new Span(getTranslation("guides.guide.pathway")));
        }
        if (page.lastChecked() != null) {
            // the month in the reader's language ("1 grudnia 2026" on a Polish page)
            var date = getLocale() == null || Languages.ENGLISH.equals(getLocale().getLanguage()) ? DATE
                    : DateTimeFormatter.ofPattern("d MMMM yyyy", getLocale());
            meta.add(new Span(getTranslation("guides.guide.checked", date.format(page.lastChecked()))));
        }
        if (page.sample()) {
            meta.add(GuideUi.sampleBadge());
        }
        var print = new Button(getTranslation("guides.guide.print"), VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.addThemeVariants(ButtonVariant.TERTIARY);
        print.addClassName("no-print");
        var body = GuideUi.safeHtml(page.html());
        body.addClassNames("guide-body", page.isPathway() ? "pathway" : "guide");
        var language = Languages.of(page.language()).orElseThrow();
        if (!Languages.ENGLISH.equals(language.code())) {
            // the translated parts say their language, so screen readers pronounce them and RTL scripts turn round
            for (var part : new com.vaadin.flow.component.HasElement[] {title, summary, body}) {
                part.getElement().setAttribute("lang", language.code());
                part.getElement().setAttribute("dir", language.rightToLeft() ? "rtl" : "ltr");
            }
        }
        var tip = new Paragraph(getTranslation("guides.guide.tip"));
        tip.addClassNames("term-tip", "no-print");
        // On a phone the answer must start on the first screen: only the 999 line sits above it; the help box
        // (lines for this guide's topic first) follows the answer.
        var danger = new Paragraph(new Span(getTranslation("guides.help.danger") + " "), new Anchor("tel:999", "999"),
                new Span("."));
        danger.addClassName("danger-now");
        add(crumbs, title, summary, danger, meta, languages(page));
        if (!wanted.equals(page.language()) && Languages.of(wanted).isPresent()) {
            // asked for a language this guide has no translation in: say so plainly, in the reader's language
            var notice = new Paragraph(getTranslation("guides.guide.notInLanguage"));
            notice.addClassName("not-in-language");
            add(notice);
        }
        if (Languages.ENGLISH.equals(language.code())) {
            add(tip);
        }
        add(body, print, helpNow.box(needs.needsFor(page.slug(), page.category().code())));
        servicesThatCanHelp(page);
        if (!page.related().isEmpty()) {
            var related = new Div(new H2(getTranslation("guides.guide.related")), GuideUi.list(page.related()));
            related.addClassNames("related", "no-print");
            add(related);
        }
        var more = new Paragraph(new Span(getTranslation("guides.guide.stuck") + " "),
                new RouterLink(getTranslation("guides.guide.jargon"), GlossaryView.class),
                new Span("."));
        more.addClassName("no-print");
        add(more);
    }

    /**
     * Up to four listed services for the needs this guide is about (one indexed query, never withdrawn ones);
     * nothing at all when none match, so the page never shows an empty heading.
     */
    private void servicesThatCanHelp(GuidePage page) {
        var services = directory.forNeeds(needs.needsFor(page.slug(), page.category().code()), 4);
        if (services.isEmpty()) {
            return;
        }
        var list = new UnorderedList();
        list.addClassName("guide-services-list");
        for (var s : services) {
            var name = new Anchor("services/" + s.slug(), s.name());
            name.getElement().setAttribute("router-link", true);
            var item = new ListItem(name, new Paragraph(firstSentence(s.whatTheyDo())));
            if (s.phone() != null) {
                item.add(new Paragraph(new Span(getTranslation("guides.guide.servicesPhone") + " "),
                        new Anchor("tel:" + s.phone().replace(" ", ""), s.phone())));
            }
            list.add(item);
        }
        var more = new Anchor("services", getTranslation("guides.guide.servicesMore"));
        more.getElement().setAttribute("router-link", true);
        var section = new Div(new H2(getTranslation("guides.guide.services")), list, new Paragraph(more));
        section.addClassName("guide-services");
        add(section);
    }

    private static String firstSentence(String text) {
        int dot = text.indexOf(". ");
        return dot < 0 ? text : text.substring(0, dot + 1);
    }

    /** "Read in: English · Polski", each name in its own language, shown only when a translation exists. */
    private Paragraph languages(GuidePage page) {
        var p = new Paragraph();
        p.addClassNames("languages", "no-print");
        if (page.languages().size() < 2) {
            p.setVisible(false);
            return p;
        }
        p.add(new Span(getTranslation("guides.guide.readIn") + " "));
        for (String code : page.languages()) {
            var lang = Languages.of(code).orElseThrow();
            if (code.equals(page.language())) {
                var current = new Span(lang.name());
                current.addClassName("current-language");
                current.getElement().setAttribute("lang", code);
                current.getElement().setAttribute("aria-current", "true");
                p.add(current);
            } else {
                var link = new com.vaadin.flow.component.html.Anchor("guides/" + page.slug()
                        + "?lang=" + code, lang.name());
                link.getElement().setAttribute("lang", code);
                link.getElement().setAttribute("hreflang", code);
                p.add(link);
            }
        }
        return p;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.guide");
    }
}
