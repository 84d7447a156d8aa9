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
import java.time.format.DateTimeFormatter;
import java.util.Locale;
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

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final DirectoryService directory;
    private String title = "Service | Village";

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
        title = s.name() + " | Village";
        add(new RouterLink("Back to all services", DirectoryView.class));
        add(new H1(s.name()));
        add(new Paragraph("This service is no longer listed in our directory, so we do not show its details here."));
        boolean staff = currentUser.get().map(u -> u.isStaff()).orElse(false);
        add(new Paragraph(staff
                ? "If it is on a child's team, change or end that entry on the family's team page, and tell the family."
                : "If it is on your child's team, your family support worker can tell you more. "
                + "You can also look for another service that can help."));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(ServiceDetail s) {
        removeAll();
        title = s.name() + " | Village";
        add(new RouterLink("Back to all services", DirectoryView.class));
        add(new H1(s.name()));
        var by = new Paragraph("Run by " + s.organization());
        by.addClassName("lead");
        add(by);
        if (s.sample()) {
            var sample = new Span("Sample data: check with the service before you rely on it.");
            sample.addClassName("sample-badge");
            add(sample);
        }
        var now = directory.now();
        var open = new Paragraph(s.hours().alwaysOpen() ? "Open all day and night."
                : s.hours().isOpen(now) ? "Open now" + s.hours().closesAt(now).map(t -> ", until " + Times.time(t)).orElse("") + "."
                : "Closed now" + s.hours().nextOpening(now).map(t -> ". Opens " + Times.dateTime(t)).orElse("") + ".");
        open.addClassNames("open-state", s.hours().isOpen(now) ? "open" : "closed");
        add(open);

        section("What they do", s.whatTheyDo());
        section("What they don't do", s.whatTheyDont());
        var who = new StringBuilder(s.forWho());
        if ((s.minAge() != null || s.maxAge() != null) && !s.forWho().matches(".*\\d.*")) {
            who.append(" ").append(ages(s.minAge(), s.maxAge())).append(".");
        }
        who.append(" ").append(switch (s.exploitation()) {
            case CSE -> "They help with sexual exploitation.";
            case CCE -> "They help with criminal exploitation, like county lines.";
            case BOTH -> "They help with sexual and criminal exploitation.";
            case ANY -> "";
        });
        section("Who it is for", who.toString().strip());
        if (!s.needs().isEmpty()) {
            add(new H2("Help with"));
            var list = new UnorderedList();
            s.needs().stream().map(Term::name).forEach(n -> list.add(new ListItem(n)));
            add(list);
        }
        section("Where they work", s.areas().isEmpty() ? null
                : s.areas().stream().map(Area::name).collect(Collectors.joining(", ")) + ".");
        section("How to get help from them", (switch (s.referral()) {
            case SELF -> "You can contact them yourself. ";
            case PROFESSIONAL -> "A worker, like a social worker or teacher, needs to refer your child. ";
            case BOTH -> "You can contact them yourself, or a worker can refer your child. ";
        }) + (s.referralHow() == null ? "" : s.referralHow()));
        section("How they will contact you", s.howTheyContact());
        section("When they are open", s.hours().describe() + (s.outOfHours() ? ". Open in the evening or at weekends." : "."));
        section("Languages", s.languages().isEmpty() ? null : String.join(", ", s.languages()) + ".");
        section("Cost", s.cost());

        add(new H2("Contact"));
        var contact = new UnorderedList();
        if (s.phone() != null) {
            contact.add(new ListItem(new Span("Phone: "), SafeLinks.linkOrText(SafeLinks.tel(s.phone()), s.phone())));
        }
        if (s.email() != null) {
            contact.add(new ListItem(new Span("Email: "), SafeLinks.linkOrText(SafeLinks.mailto(s.email()), s.email())));
        }
        // only http and https become a link: a javascript: address from a feed must never be clickable
        SafeLinks.webAddress(s.url()).ifPresent(url -> {
            var web = new Anchor(url, "Their website");
            web.setTarget("_blank");
            web.getElement().setAttribute("rel", "noopener noreferrer");
            contact.add(new ListItem(web));
        });
        if (s.address() != null) {
            contact.add(new ListItem("Address: " + java.util.stream.Stream.of(s.address().line1(), s.address().city(),
                    s.address().postcode()).filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(", "))));
        }
        if (s.comesToYou()) {
            contact.add(new ListItem("They can come to you."));
        }
        add(contact);
        if (s.lastChecked() != null) {
            var checked = new Paragraph("We last checked this on " + DAY.format(s.lastChecked()) + ".");
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

    static String ages(Integer min, Integer max) {
        if (min != null && max != null) {
            return "Ages " + min + " to " + max;
        }
        return min != null ? "Ages " + min + " and over" : "Ages up to " + max;
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
