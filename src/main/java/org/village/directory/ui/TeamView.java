package org.village.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.access.AccessDeniedException;
import org.village.directory.DirectoryService;
import org.village.directory.FamilyTeamService;
import org.village.directory.TeamEvent;
import org.village.directory.TeamMember;
import org.village.directory.TimelineText;
import org.village.security.CurrentUser;
import org.village.families.FamilyService;
import org.village.families.FamilyService.ChildSummary;
import org.village.shared.Capability;
import org.village.shared.Roles;
import org.village.shared.InputProblem;
import org.village.shared.Times;
import org.village.shared.ui.Forms;

/**
 * My child's team: who is around each child, lead professional first, and what changed when. Parents land
 * on their own family; workers choose from the families they look after. The service checks access again.
 */
@Route("team/:familyId?")
@Menu(order = 40, title = "My child's team")
// families and their workers; a peer supporter never sees family records (decision 064)
@RolesAllowed({Roles.PARENT, Roles.WORKER, Roles.ADMIN})
class TeamView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The route parameter naming the family. */
    private static final String FAMILY_ID = "familyId";

    private final FamilyTeamService teams;
    private final FamilyService families;
    private final DirectoryService directory;
    private final CurrentUser currentUser;
    private long familyId;

    TeamView(FamilyTeamService teams, FamilyService families, DirectoryService directory, CurrentUser currentUser) {
        this.teams = teams;
        this.families = families;
        this.directory = directory;
        this.currentUser = currentUser;
        addClassNames("page", "team-page");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.team.pageTitle");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var me = currentUser.require();
        var param = event.getRouteParameters().get(FAMILY_ID);
        if (param.isEmpty()) {
            if (me.isParent()) {
                familyId = me.familyId();
                showTeam();
            } else if (me.can(Capability.SEE_FAMILY_RECORDS)) {
                chooseFamily();
            } else {
                // a peer supporter never sees family records (decision 064)
                event.rerouteToError(new AccessDeniedException("No family records"), "Not allowed");
            }
            return;
        }
        try {
            familyId = Long.parseLong(param.get());
        } catch (NumberFormatException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        try {
            showTeam();
        } catch (AccessDeniedException denied) {
            removeAll();
            event.rerouteToError(denied, "Not allowed");
        }
    }

    private void chooseFamily() {
        add(new H1(getTranslation("directory.team.choose.title")));
        add(new Paragraph(getTranslation("directory.team.choose.intro")));
        var list = new UnorderedList();
        for (var f : families.visibleFamilies()) {
            list.add(new ListItem(new RouterLink(f.label(), TeamView.class,
                    new RouteParameters(FAMILY_ID, String.valueOf(f.id())))));
        }
        add(list);
    }

    private void showTeam() {
        removeAll();
        var family = teams.family(familyId);
        boolean staff = !currentUser.require().isParentOf(familyId);
        add(new H1(staff ? getTranslation("directory.team.staffTitle", family.label())
                : getTranslation("directory.team.title")));
        add(new Paragraph(getTranslation(staff ? "directory.team.staffIntro" : "directory.team.intro")));
        var who = new Paragraph(getTranslation(staff ? "directory.team.whoSeesStaff" : "directory.team.whoSees"));
        who.addClassName("who-sees");
        add(who);
        for (ChildSummary child : family.children()) {
            add(childSection(child, staff));
        }
    }

    private Div childSection(ChildSummary child, boolean staff) {
        var section = new Div();
        section.addClassName("child-team");
        section.add(new H2(getTranslation("directory.team.around", child.name())));
        var members = teams.team(familyId, child.id());
        if (members.isEmpty()) {
            section.add(new Paragraph(staff ? getTranslation("directory.team.emptyStaff", child.name())
                    : getTranslation("directory.team.empty")));
        }
        var cards = new UnorderedList();
        cards.addClassName("team-cards");
        for (TeamMember m : members) {
            cards.add(card(m, child, staff));
        }
        section.add(cards);
        if (staff) {
            var addButton = new Button(getTranslation("directory.team.add", child.name()));
            addButton.addClickListener(e -> {
                var dialog = new Dialog();
                dialog.setHeaderTitle(getTranslation("directory.team.add", child.name()));
                dialog.add(new TeamForm(directory, null, getTranslation("directory.team.addSave"), input -> {
                    teams.add(familyId, child.id(), input);
                    dialog.close();
                    showTeam();
                }));
                dialog.getFooter().add(new Button(getTranslation("directory.team.cancel"), c -> dialog.close()));
                dialog.open();
            });
            section.add(addButton);
        }
        var events = teams.timeline(familyId, child.id());
        if (!events.isEmpty()) {
            section.add(new H3(getTranslation("directory.team.changed")));
            var timeline = new UnorderedList();
            timeline.addClassName("timeline");
            events.forEach(ev -> timeline.add(new ListItem(new Span(DirectoryWords.day(getLocale(), ev.at().atZone(Times.ZONE)) + ": "),
                    said(ev))));
            section.add(timeline);
        }
        return section;
    }

    /**
     * A timeline line in the reader's language (decision 068). A line written before lines were kept as keys is an
     * English sentence: marked as English on a page in another language, so a screen reader reads it in English.
     */
    private Span said(TeamEvent event) {
        var span = new Span(event.text(getLocale()));
        if (!DirectoryWords.english(getLocale()) && !TimelineText.keyed(event.stored())) {
            span.getElement().setAttribute("lang", "en");
        }
        return span;
    }

    private ListItem card(TeamMember m, ChildSummary child, boolean staff) {
        var card = new ListItem();
        card.addClassName("team-card");
        card.setClassName("is-lead", m.lead());
        card.setClassName("ended", m.status() == TeamMember.Status.ENDED);
        if (m.lead()) {
            var badge = new Span(getTranslation("directory.team.lead"));
            badge.addClassName("lead-badge");
            card.add(badge);
        }
        var name = new RouterLink(m.serviceName(), ServiceView.class, new RouteParameters("slug", m.serviceSlug()));
        name.addClassName("service-name");
        card.add(name);
        var status = new Paragraph(getTranslation("directory.team.since", DirectoryWords.status(this, m.status()),
                DirectoryWords.day(getLocale(), m.statusSince())));
        status.addClassName("status");
        card.add(status);
        if (m.workerFirstName() != null) {
            card.add(new Paragraph(getTranslation(staff ? "directory.team.namedWorker" : "directory.team.yourWorker",
                    m.workerFirstName() + (m.workerRole() == null ? "" : ", " + m.workerRole()))));
        }
        card.add(new Paragraph(getTranslation(staff ? "directory.team.forTheFamily" : "directory.team.forYourFamily",
                m.forFamily())));
        if (m.howToContact() != null) {
            card.add(new Paragraph(getTranslation("directory.team.howToReach", m.howToContact())));
        }
        if (m.nextContact() != null) {
            card.add(new Paragraph(getTranslation("directory.team.next", m.nextContact())));
        }
        if (staff) {
            card.add(new Button(getTranslation("directory.team.change"), e -> {
                var dialog = new Dialog();
                dialog.setHeaderTitle(getTranslation("directory.team.changeTitle", m.serviceName()));
                dialog.add(new TeamForm(directory, m, getTranslation("directory.team.saveChanges"), input -> {
                    teams.update(familyId, m.id(), m.version(), input);
                    dialog.close();
                    showTeam();
                    addComponentAtIndex(1, Forms.notice("success", getTranslation("directory.team.saved")));
                }));
                dialog.getFooter().add(new Button(getTranslation("directory.team.cancel"), c -> dialog.close()));
                dialog.open();
            }));
            var remove = new Button(getTranslation("directory.team.remove"), e -> confirmRemove(m, child));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("directory.team.removeLabel", m.serviceName(), child.name()));
            card.add(remove);
        }
        return card;
    }

    /** Removing is for entries added by mistake; a service that has finished is "Ended" instead. */
    private void confirmRemove(TeamMember m, ChildSummary child) {
        var confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("directory.team.removeTitle", m.serviceName(), child.name()));
        confirm.setText(getTranslation("directory.team.removeText", child.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("directory.team.keep"));
        confirm.setConfirmText(getTranslation("directory.team.removeConfirm"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                teams.remove(familyId, m.id());
                showTeam();
                addComponentAtIndex(1, Forms.notice("success", getTranslation("directory.team.removed", m.serviceName(), child.name())));
            } catch (InputProblem p) {
                showTeam();
                addComponentAtIndex(1, Forms.notice("error", p.message(getLocale())));
            }
        });
        Forms.openSafely(confirm);
    }
}
