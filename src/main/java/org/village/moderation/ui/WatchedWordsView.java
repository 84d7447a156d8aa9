package org.village.moderation.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import org.village.moderation.FilterLists;
import org.village.moderation.RiskKind;
import org.village.moderation.WatchAction;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/**
 * People who moderate keep the filters' lists here: watched words and what happens to them, risk phrases by kind,
 * and the partnership's school names. The service checks the capability; this page only shows for those roles.
 * The lists are short (tens to a few hundred lines), so each is shown whole.
 */
@Route("moderation/watched-words")
@PageTitle("Watched words")
@Menu(order = 55, title = "Watched words")
@RolesAllowed({Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class WatchedWordsView extends Div {

    private final FilterLists lists;
    private final UnorderedList words = new UnorderedList();
    private final UnorderedList risks = new UnorderedList();
    private final UnorderedList schools = new UnorderedList();
    private final Div wordsMessages = new Div();
    private final Div risksMessages = new Div();
    private final Div schoolsMessages = new Div();

    WatchedWordsView(FilterLists lists) {
        this.lists = lists;
        addClassNames("page", "watched-words");
        add(new H1(getTranslation("moderation.lists.title")));
        add(new Paragraph(getTranslation("moderation.lists.intro")));
        wordsMessages.getElement().setAttribute("aria-live", "polite");
        risksMessages.getElement().setAttribute("aria-live", "polite");
        schoolsMessages.getElement().setAttribute("aria-live", "polite");
        addWordsSection();
        addRisksSection();
        addSchoolsSection();
        refresh();
    }

    private void addWordsSection() {
        add(new H2(getTranslation("moderation.lists.words.title")));
        add(new Paragraph(getTranslation("moderation.lists.words.intro")));
        var phrase = new TextField(getTranslation("moderation.lists.phrase"));
        phrase.setId("watched-phrase");
        phrase.setMaxLength(FilterLists.MAX_PHRASE + 20);
        var action = actionSelect(getTranslation("moderation.lists.action"));
        action.setId("watched-action");
        var reason = new TextField(getTranslation("moderation.lists.reason"));
        reason.setId("watched-reason");
        reason.setWidthFull();
        var add = new Button(getTranslation("moderation.lists.add"), e -> attempt(wordsMessages,
                Map.of("phrase", phrase, "action", action, "reason", reason), () -> {
                    lists.addWatchedWord(phrase.getValue(), action.getValue(), reason.getValue());
                    phrase.clear();
                    reason.clear();
                }, "moderation.lists.added"));
        add.setId("watched-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(phrase, action, reason, add);
        form.addClassName("list-form");
        add(form, wordsMessages, words);
    }

    private void addRisksSection() {
        add(new H2(getTranslation("moderation.lists.risk.title")));
        add(new Paragraph(getTranslation("moderation.lists.risk.intro")));
        var phrase = new TextField(getTranslation("moderation.lists.riskPhrase"));
        phrase.setId("risk-phrase");
        var kind = kindSelect(getTranslation("moderation.lists.riskKind"));
        kind.setId("risk-kind");
        var add = new Button(getTranslation("moderation.lists.add"), e -> attempt(risksMessages,
                Map.of("risk-phrase", phrase, "risk-kind", kind), () -> {
                    lists.addRiskPhrase(phrase.getValue(), kind.getValue());
                    phrase.clear();
                }, "moderation.lists.added"));
        add.setId("risk-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(phrase, kind, add);
        form.addClassName("list-form");
        add(form, risksMessages, risks);
    }

    private void addSchoolsSection() {
        add(new H2(getTranslation("moderation.lists.schools.title")));
        add(new Paragraph(getTranslation("moderation.lists.schools.intro")));
        var name = new TextField(getTranslation("moderation.lists.school"));
        name.setId("school-name");
        var add = new Button(getTranslation("moderation.lists.add"), e -> attempt(schoolsMessages,
                Map.of("school", name), () -> {
                    lists.addSchool(name.getValue());
                    name.clear();
                }, "moderation.lists.added"));
        add.setId("school-add");
        add.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(name, add);
        form.addClassName("list-form");
        add(form, schoolsMessages, schools);
    }

    private void refresh() {
        words.removeAll();
        for (var w : lists.watchedWords()) {
            var action = actionSelect(getTranslation("moderation.lists.actionFor", w.phrase()));
            action.setValue(w.action());
            var reason = new TextField(getTranslation("moderation.lists.reasonFor", w.phrase()));
            reason.setValue(w.reason() == null ? "" : w.reason());
            reason.setVisible(w.action() == WatchAction.BLOCK);
            action.addValueChangeListener(e -> reason.setVisible(e.getValue() == WatchAction.BLOCK));
            var save = new Button(getTranslation("moderation.lists.save"), e -> attempt(wordsMessages,
                    Map.of("action", action, "reason", reason),
                    () -> lists.changeWatchedWord(w.id(), action.getValue(), reason.getValue()), "moderation.lists.saved"));
            save.getElement().setAttribute("aria-label", getTranslation("moderation.lists.saveFor", w.phrase()));
            var remove = removeButton(w.phrase(), wordsMessages, () -> lists.removeWatchedWord(w.id()));
            words.add(row(w.phrase(), action, reason, save, remove));
        }
        risks.removeAll();
        for (var r : lists.riskPhrases()) {
            var kind = kindSelect(getTranslation("moderation.lists.kindFor", r.phrase()));
            kind.setValue(r.kind());
            var save = new Button(getTranslation("moderation.lists.save"), e -> attempt(risksMessages,
                    Map.of("risk-kind", kind), () -> lists.changeRiskPhrase(r.id(), kind.getValue()), "moderation.lists.saved"));
            save.getElement().setAttribute("aria-label", getTranslation("moderation.lists.saveFor", r.phrase()));
            var remove = removeButton(r.phrase(), risksMessages, () -> lists.removeRiskPhrase(r.id()));
            risks.add(row(r.phrase(), kind, save, remove));
        }
        schools.removeAll();
        for (var s : lists.schools()) {
            schools.add(row(s.name(), removeButton(s.name(), schoolsMessages, () -> lists.removeSchool(s.id()))));
        }
    }

    private static ListItem row(String text, com.vaadin.flow.component.Component... parts) {
        var words = new Span(text);
        words.addClassName("list-phrase");
        var item = new ListItem(words);
        item.add(parts);
        item.addClassName("list-row");
        return item;
    }

    private Button removeButton(String phrase, Div messages, Runnable remove) {
        var button = new Button(getTranslation("moderation.lists.remove"),
                e -> attempt(messages, Map.of(), remove, "moderation.lists.removed"));
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
        button.getElement().setAttribute("aria-label", getTranslation("moderation.lists.removeFor", phrase));
        return button;
    }

    private Select<WatchAction> actionSelect(String label) {
        var select = new Select<WatchAction>();
        select.setLabel(label);
        select.setItems(WatchAction.values());
        select.setItemLabelGenerator(a -> getTranslation("moderation.lists.action." + a.name()));
        return select;
    }

    private Select<RiskKind> kindSelect(String label) {
        var select = new Select<RiskKind>();
        select.setLabel(label);
        select.setItems(RiskKind.values());
        select.setItemLabelGenerator(k -> getTranslation("moderation.lists.risk." + k.name()));
        return select;
    }

    /** Runs a change; on a problem shows it by its field (or for the section) and keeps everything typed. */
    private void attempt(Div messages, Map<String, ? extends HasValidation> fields, Runnable change, String doneKey) {
        messages.removeAll();
        try {
            change.run();
            fields.values().forEach(f -> f.setInvalid(false));
            messages.add(Forms.notice("success", getTranslation(doneKey)));
            refresh();
        } catch (InputProblem problem) {
            if (!Forms.show(problem, fields)) {
                messages.add(Forms.notice("error", problem.message(getLocale())));
            }
            if ("moderation.lists.gone".equals(problem.key())) {
                refresh();
            }
        }
    }
}
