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
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.village.shared.Capability;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/**
 * Tell it once: the parent writes what every worker should know, chooses which of their family support workers
 * may read it, and sees who has read it. Admins never read it; services on the team do not sign in to Village.
 * The service layer decides and records every read; this page only says the same rule in plain words.
 */
@Route("profile/:familyId?")
@Menu(order = 42, title = "Tell it once")
// families and their workers; a peer supporter never sees family records (decision 064)
@RolesAllowed({Roles.PARENT, Roles.WORKER, Roles.ADMIN})
class ProfileView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    /** The route parameter naming the family. */
    private static final String FAMILY_ID = "familyId";

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
    public String getPageTitle() {
        return getTranslation("directory.profile.pageTitle");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var me = currentUser.require();
        var param = event.getRouteParameters().get(FAMILY_ID);
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
        add(new H1(getTranslation("directory.profile.staffTitle")));
        add(new Paragraph(getTranslation("directory.profile.adminNote")));
    }

    private void chooseFamily() {
        add(new H1(getTranslation("directory.profile.staffTitle")));
        add(new Paragraph(getTranslation("directory.profile.chooseNote")));
        var list = new UnorderedList();
        for (var f : families.visibleFamilies()) {
            list.add(new ListItem(new RouterLink(f.label(), ProfileView.class,
                    new RouteParameters(FAMILY_ID, String.valueOf(f.id())))));
        }
        add(list);
    }

    private void staff(long familyId) {
        var family = teams.family(familyId);
        add(new H1(getTranslation("directory.profile.familyTitle", family.label())));
        if (!teams.profileShared(familyId)) {
            var refused = new Paragraph(getTranslation("directory.profile.refused"));
            refused.addClassName("profile-refused");
            add(refused);
            return;
        }
        var profile = teams.profile(familyId);
        if (profile.isEmpty()) {
            add(new Paragraph(getTranslation("directory.profile.notWritten")));
            return;
        }
        var notice = new Paragraph(getTranslation("directory.profile.seen"));
        notice.addClassName("who-sees");
        add(notice);
        var p = profile.get();
        section(getTranslation("directory.profile.whatHelps"), p.whatHelps());
        section(getTranslation("directory.profile.whatToAvoid"), p.whatToAvoid());
        section(getTranslation("directory.profile.history"), p.history());
        section(getTranslation("directory.profile.languages"), p.languages());
        section(getTranslation("directory.profile.bestTimes"), p.bestTimes());
        add(new Paragraph(getTranslation("directory.profile.lastChanged", DirectoryWords.dateTime(getLocale(), p.updatedAt()))));
    }

    private void section(String heading, String text) {
        if (text != null && !text.isBlank()) {
            add(new H2(heading), new Paragraph(text));
        }
    }

    private void parent(long familyId) {
        add(new H1(getTranslation("directory.profile.title")));
        add(new Paragraph(getTranslation("directory.profile.intro")));
        var existing = teams.profile(familyId);
        var whatHelps = area(getTranslation("directory.profile.field.whatHelps"), existing.map(FamilyProfile::whatHelps), 2000);
        var whatToAvoid = area(getTranslation("directory.profile.field.whatToAvoid"), existing.map(FamilyProfile::whatToAvoid), 2000);
        var history = area(getTranslation("directory.profile.field.history"), existing.map(FamilyProfile::history), 4000);
        var languages = new TextField(getTranslation("directory.profile.field.languages"));
        languages.setValue(existing.map(FamilyProfile::languages).orElse(""));
        languages.setMaxLength(200);
        var bestTimes = new TextField(getTranslation("directory.profile.field.bestTimes"));
        bestTimes.setValue(existing.map(FamilyProfile::bestTimes).orElse(""));
        bestTimes.setMaxLength(200);
        var result = new Div();
        var save = new Button(getTranslation("directory.profile.save"), e -> {
            result.removeAll();
            try {
                teams.saveProfile(familyId, new FamilyProfile(familyId, whatHelps.getValue(), whatToAvoid.getValue(),
                        history.getValue(), languages.getValue(), bestTimes.getValue(), null));
                result.add(Forms.notice("success", getTranslation("directory.profile.saved")));
            } catch (InputProblem p) {
                if (!Forms.show(p, Map.of("whatHelps", whatHelps, "whatToAvoid", whatToAvoid, "history", history,
                        "languages", languages, "bestTimes", bestTimes))) {
                    result.add(Forms.notice("error", p.message(getLocale())));
                }
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(whatHelps, whatToAvoid, history, languages, bestTimes, save, result);
        form.addClassName("profile-form");
        add(form);

        add(new H2(getTranslation("directory.profile.whoCan")));
        var readers = teams.readers(familyId);
        var who = new UnorderedList();
        who.addClassName("who-can-read");
        who.add(new ListItem(getTranslation("directory.profile.whoCan.you")));
        who.add(new ListItem(getTranslation(readers.isEmpty() ? "directory.profile.whoCan.noWorker"
                : "directory.profile.whoCan.ticked")));
        add(who);
        var cannot = new Paragraph(getTranslation("directory.profile.whoCannot"));
        cannot.addClassName("who-cannot-read");
        add(cannot);
        if (!readers.isEmpty()) {
            add(new Paragraph(getTranslation("directory.profile.tick")));
            var shareNote = new Div();
            for (var r : readers) {
                var box = new Checkbox(r.name(), r.chosen());
                box.addValueChangeListener(e -> {
                    teams.shareWith(familyId, r.workerId(), e.getValue());
                    shareNote.removeAll();
                    shareNote.add(Forms.notice("success", getTranslation(e.getValue() ? "directory.profile.shared"
                            : "directory.profile.unshared", r.name())));
                });
                box.addClassName("share-choice");
                add(box);
            }
            add(shareNote);
        }

        add(new H2(getTranslation("directory.profile.whoHasSeen")));
        var views = teams.profileViews(familyId);
        if (views.isEmpty()) {
            add(new Paragraph(getTranslation("directory.profile.nobody")));
        } else {
            var list = new UnorderedList();
            list.addClassName("profile-views");
            views.forEach(v -> list.add(new ListItem(getTranslation("directory.profile.readOn", v.viewer(),
                    DirectoryWords.dateTime(getLocale(), v.at())))));
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
