package org.village.directory.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.stream.Collectors;
import org.village.directory.Area;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceDetail;
import org.village.directory.Term;
import org.village.helpnow.HelpNowService;
import org.village.shared.Times;
import org.village.shared.ui.SafeLinks;

/** One service in plain words: what they do and don't, who for, how to get in, when they are open. */
@Route("services/:slug")
@AnonymousAllowed
class ServiceView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final DirectoryService directory;
    private String title;

    private final org.village.security.CurrentUser currentUser;
    private final HelpNowService helpNow;

    ServiceView(DirectoryService directory, org.village.security.CurrentUser currentUser, HelpNowService helpNow) {
        this.currentUser = currentUser;
        this.helpNow = helpNow;
        this.directory = directory;
        addClassNames("page", "service-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var service = directory.bySlug(event.getRouteParameters().get("slug").orElse(null));
        if (service.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (service.get().withdrawn()) {
            gone(service.get());
        } else {
            show(service.get());
        }
    }

    /** A withdrawn service: old links (a child's team, a bookmark) get a kind answer, not its old numbers. */
    private void gone(ServiceDetail s) {
        removeAll();
        title = getTranslation("directory.service.pageTitle", s.name());
        add(new RouterLink(getTranslation("directory.service.back"), DirectoryView.class));
        add(new H1(s.name()));
        add(new Paragraph(getTranslation("directory.service.gone")));
        boolean staff = currentUser.get().map(u -> u.isStaff()).orElse(false);
        add(new Paragraph(getTranslation(staff ? "directory.service.goneStaff" : "directory.service.goneParent")));
    }

    @Override
    public String getPageTitle() {
        return title == null ? getTranslation("directory.service.defaultTitle") : title;
    }

    private void show(ServiceDetail s) {
        removeAll();
        title = getTranslation("directory.service.pageTitle", s.name());
        add(new RouterLink(getTranslation("directory.service.back"), DirectoryView.class));
        add(new H1(s.name()));
        var by = new Paragraph(getTranslation("directory.runBy", s.organization()));
        by.addClassName("lead");
        add(by);
        if (s.sample()) {
            var sample = new Span(getTranslation("directory.service.sample"));
            sample.addClassName("sample-badge");
            add(sample);
        }
        var now = directory.now();
        var open = new Paragraph(s.hours().alwaysOpen() ? getTranslation("directory.service.alwaysOpen")
                : s.hours().isOpen(now) ? s.hours().closesAt(now)
                        .map(t -> getTranslation("directory.service.openUntil", Times.time(t)))
                        .orElseGet(() -> getTranslation("directory.service.open"))
                : s.hours().nextOpening(now)
                        .map(t -> getTranslation("directory.service.closedOpens", DirectoryWords.dateTime(getLocale(), t)))
                        .orElseGet(() -> getTranslation("directory.service.closed")));
        open.addClassNames("open-state", s.hours().isOpen(now) ? "open" : "closed");
        add(open);

        section(getTranslation("directory.service.whatTheyDo"), s.whatTheyDo());
        section(getTranslation("directory.service.whatTheyDont"), s.whatTheyDont());
        var who = new StringBuilder(s.forWho());
        if ((s.minAge() != null || s.maxAge() != null) && !s.forWho().matches(".*\\d.*")) {
            who.append(" ").append(DirectoryWords.ages(this, s.minAge(), s.maxAge())).append(".");
        }
        who.append(" ").append(switch (s.exploitation()) {
            case CSE -> getTranslation("directory.service.cse");
            case CCE -> getTranslation("directory.service.cce");
            case BOTH -> getTranslation("directory.service.both");
            case ANY -> "";
        });
        section(getTranslation("directory.service.whoFor"), who.toString().strip());
        if (!s.needs().isEmpty()) {
            add(new H2(getTranslation("directory.service.helpWith")));
            var list = new UnorderedList();
            s.needs().stream().map(Term::name).forEach(n -> list.add(new ListItem(n)));
            add(list);
        }
        section(getTranslation("directory.service.where"), s.areas().isEmpty() ? null
                : s.areas().stream().map(Area::name).collect(Collectors.joining(", ")) + ".");
        section(getTranslation("directory.service.howToGet"), getTranslation(switch (s.referral()) {
            case SELF -> "directory.service.referral.self";
            case PROFESSIONAL -> "directory.service.referral.professional";
            case BOTH -> "directory.service.referral.both";
        }) + " " + (s.referralHow() == null ? "" : s.referralHow()));
        section(getTranslation("directory.service.contactYou"), s.howTheyContact());
        section(getTranslation("directory.service.whenOpen"), DirectoryWords.hours(this, getLocale(), s.hours())
                + (s.outOfHours() ? ". " + getTranslation("directory.service.outOfHours") : "."));
        section(getTranslation("directory.service.languages"), s.languages().isEmpty() ? null : String.join(", ", s.languages()) + ".");
        section(getTranslation("directory.service.cost"), s.cost());

        add(new H2(getTranslation("directory.service.contact")));
        var contact = new UnorderedList();
        if (s.phone() != null) {
            contact.add(new ListItem(new Span(getTranslation("directory.service.phone") + " "), SafeLinks.linkOrText(SafeLinks.tel(s.phone()), s.phone())));
        }
        if (s.email() != null) {
            contact.add(new ListItem(new Span(getTranslation("directory.service.email") + " "), SafeLinks.linkOrText(SafeLinks.mailto(s.email()), s.email())));
        }
        // only http and https become a link: a javascript: address from a feed must never be clickable
        SafeLinks.webAddress(s.url()).ifPresent(url -> {
            var web = new Anchor(url, getTranslation("directory.service.website"));
            web.setTarget("_blank");
            web.getElement().setAttribute("rel", "noopener noreferrer");
            contact.add(new ListItem(web));
        });
        if (s.address() != null) {
            contact.add(new ListItem(getTranslation("directory.service.address", java.util.stream.Stream.of(
                    s.address().line1(), s.address().city(), s.address().postcode())
                    .filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(", ")))));
        }
        if (s.comesToYou()) {
            contact.add(new ListItem(getTranslation("directory.service.comesToYou")));
        }
        add(contact);
        if (s.lastChecked() != null) {
            var checked = new Paragraph(getTranslation("directory.service.checked",
                    DirectoryWords.day(getLocale(), s.lastChecked())));
            checked.addClassName("checked");
            add(checked);
        }
        add(helpNow.box());
    }

    private void section(String heading, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        add(new H2(heading), new Paragraph(text));
    }

    static String firstSentences(String text, int count) {
        int end = -1;
        for (int i = 0; i < count; i++) {
            int next = text.indexOf(". ", end + 1);
            if (next < 0) {
                return text;
            }
            end = next;
        }
        return text.substring(0, end + 1);
    }
}
