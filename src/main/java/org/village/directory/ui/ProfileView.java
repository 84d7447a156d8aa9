package org.village.directory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.village.directory.FamilyProfile;
import org.village.directory.FamilyTeamService;
import org.village.security.CurrentUser;
import org.village.families.FamilyService;
import org.village.shared.InputProblem;
import org.village.shared.Times;
import org.village.shared.Capability;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/**
 * Tell it once: the parent writes what every worker should know, chooses which of their family support workers
 * may read it, and sees who has read it. Admins never read it; services on the team do not sign in to Village.
 * The service layer decides and records every read; this page only says the same rule in plain words.
 */
@Route("profile/:familyId?")
@PageTitle("Tell it once | Village")
@Menu(order = 42, title = "Tell it once")
// families and their workers; a peer supporter never sees family records (decision 064)
@RolesAllowed({Roles.PARENT, Roles.WORKER, Roles.ADMIN})
class ProfileView extends Div implements BeforeEnterObserver {

    private final FamilyTeamService teams;
    private final FamilyService families;
    private final CurrentUser currentUser;

    ProfileView(FamilyTeamService teams, FamilyService families, CurrentUser currentUser) {
        this.teams = teams;
        this.families = families;
        this.currentUser = currentUser;
        addClassNames("page", "profile-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var me = currentUser.require();
        var param = event.getRouteParameters().get("familyId");
        try {
            if (me.isParent()) {
                // another family's number in the address is refused (and audited) by the service
                parent(param.isPresent() ? Long.parseLong(param.get()) : me.familyId());
            } else if (!me.can(Capability.SEE_FAMILY_RECORDS)) {
                // a peer supporter never sees family records (decision 064); the service refuses and audits too
                if (param.isPresent()) {
                    teams.profile(Long.parseLong(param.get()));
                }
                throw new AccessDeniedException("No family records");
            } else if (!me.can(Capability.WORK_WITH_FAMILIES)) {
                // admins run accounts, not families: the service refuses them too, and audits it
                if (param.isPresent()) {
                    teams.profile(Long.parseLong(param.get()));
                }
                adminNote();
            } else if (param.isEmpty()) {
                chooseFamily();
            } else {
                staff(Long.parseLong(param.get()));
            }
        } catch (NumberFormatException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        } catch (AccessDeniedException denied) {
            removeAll();
            event.rerouteToError(denied, "Not allowed");
        }
    }

    private void adminNote() {
        add(new H1("Family profiles"));
        add(new Paragraph("Admins cannot read family profiles. A profile can be read only by the family and by the "
                + "family support workers the family has chosen."));
    }

    private void chooseFamily() {
        add(new H1("Family profiles"));
        add(new Paragraph("You can read a family's profile only if the family has chosen you. "
                + "Each time you read it, the family can see that you did."));
        var list = new UnorderedList();
        for (var f : families.visibleFamilies()) {
            list.add(new ListItem(new RouterLink(f.label(), ProfileView.class,
                    new RouteParameters("familyId", String.valueOf(f.id())))));
        }
        add(list);
    }

    private void staff(long familyId) {
        var family = teams.family(familyId);
        add(new H1(family.label() + ": family profile"));
        if (!teams.profileShared(familyId)) {
            var refused = new Paragraph("The family has not chosen you to read their profile, so you cannot read it. "
                    + "That is their choice.");
            refused.addClassName("profile-refused");
            add(refused);
            return;
        }
        var profile = teams.profile(familyId);
        if (profile.isEmpty()) {
            add(new Paragraph("The family has not written their profile yet."));
            return;
        }
        var notice = new Paragraph("The family can see that you read this, and when.");
        notice.addClassName("who-sees");
        add(notice);
        var p = profile.get();
        section("What helps", p.whatHelps());
        section("What to avoid", p.whatToAvoid());
        section("What has happened, in our words", p.history());
        section("Languages", p.languages());
        section("Best times to contact us", p.bestTimes());
        add(new Paragraph("Last changed " + Times.dateTime(p.updatedAt()) + "."));
    }

    private void section(String heading, String text) {
        if (text != null && !text.isBlank()) {
            add(new H2(heading), new Paragraph(text));
        }
    }

    private void parent(long familyId) {
        add(new H1("Tell it once"));
        add(new Paragraph("Write down what you want every worker to know, so you do not have to say it again and "
                + "again. You choose who can read it. You can change your mind at any time."));
        var existing = teams.profile(familyId);
        var whatHelps = area("What helps your child and your family", existing.map(FamilyProfile::whatHelps), 2000);
        var whatToAvoid = area("What to avoid (things that upset or do not work)", existing.map(FamilyProfile::whatToAvoid), 2000);
        var history = area("What has happened, in your own words", existing.map(FamilyProfile::history), 4000);
        var languages = new TextField("Languages you speak at home");
        languages.setValue(existing.map(FamilyProfile::languages).orElse(""));
        languages.setMaxLength(200);
        var bestTimes = new TextField("Best times to contact you");
        bestTimes.setValue(existing.map(FamilyProfile::bestTimes).orElse(""));
        bestTimes.setMaxLength(200);
        var result = new Div();
        var save = new Button("Save my profile", e -> {
            result.removeAll();
            try {
                teams.saveProfile(familyId, new FamilyProfile(familyId, whatHelps.getValue(), whatToAvoid.getValue(),
                        history.getValue(), languages.getValue(), bestTimes.getValue(), null));
                result.add(Forms.notice("success", "Saved. Only you and the workers you choose below can read it."));
            } catch (InputProblem p) {
                if (!Forms.show(p, Map.of("whatHelps", whatHelps, "whatToAvoid", whatToAvoid, "history", history,
                        "languages", languages, "bestTimes", bestTimes))) {
                    result.add(Forms.notice("error", p.getMessage()));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(whatHelps, whatToAvoid, history, languages, bestTimes, save, result);
        form.addClassName("profile-form");
        add(form);

        add(new H2("Who can read it"));
        var readers = teams.readers(familyId);
        var who = new UnorderedList();
        who.addClassName("who-can-read");
        who.add(new ListItem("You, and anyone else with a parent account for your family."));
        who.add(new ListItem(readers.isEmpty()
                ? "No family support worker is looking after your family yet, so no worker can read it."
                : "The family support workers you tick below. Nobody else."));
        add(who);
        var cannot = new Paragraph("Who cannot read it: the people who run Village (admins), other workers, other "
                + "families, and the services on your child's team. Those services do not use Village. If you want "
                + "them to know something, you can tell them or show them this page yourself.");
        cannot.addClassName("who-cannot-read");
        add(cannot);
        if (!readers.isEmpty()) {
            add(new Paragraph("Tick a worker to let them read your profile. Untick to stop."));
            var shareNote = new Div();
            for (var r : readers) {
                var box = new Checkbox(r.name(), r.chosen());
                box.addValueChangeListener(e -> {
                    teams.shareWith(familyId, r.workerId(), e.getValue());
                    shareNote.removeAll();
                    shareNote.add(Forms.notice("success", e.getValue() ? r.name() + " can now read your profile."
                            : r.name() + " can no longer read your profile."));
                });
                box.addClassName("share-choice");
                add(box);
            }
            add(shareNote);
        }

        add(new H2("Who has seen this"));
        var views = teams.profileViews(familyId);
        if (views.isEmpty()) {
            add(new Paragraph("Nobody outside your family has read it yet."));
        } else {
            var list = new UnorderedList();
            list.addClassName("profile-views");
            views.forEach(v -> list.add(new ListItem(v.viewer() + " read it on " + Times.dateTime(v.at()))));
            add(list);
        }
    }

    private static TextArea area(String label, java.util.Optional<String> value, int max) {
        var area = new TextArea(label);
        area.setValue(value.orElse(""));
        area.setMaxLength(max);
        area.setMinHeight("6rem");
        return area;
    }
}
