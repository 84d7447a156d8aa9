package org.village.guides.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.village.content.PlainLanguageCheck;
import org.village.guides.GuideService;
import org.village.guides.Guides;
import org.village.guides.Guides.Category;
import org.village.guides.Guides.GuideEdit;
import org.village.guides.Guides.Revision;
import org.village.guides.Languages;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;
import org.village.shared.ui.StackedGrid;

/**
 * Write a guide in Markdown with a live preview and plain-language check. Save keeps a draft (and a
 * revision); Publish shows it to parents, asking for a confirm when the check found problems. Whatever
 * goes wrong, what the worker typed stays in the fields.
 */
@Route("staff/guides/:id")
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
class GuideEditorView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final GuideService guides;
    private final java.time.Clock clock;
    private final TextField title = new TextField(getTranslation("guides.editor.title"));
    private final TextField slug = new TextField(getTranslation("guides.editor.slug"));
    private final TextField summary = new TextField(getTranslation("guides.editor.summary"));
    private final Select<Category> category = new Select<>();
    private final Select<String> kind = new Select<>();
    private final TextField related = new TextField(getTranslation("guides.editor.related"));
    private final DatePicker lastChecked = org.village.shared.ui.LocalDates.inReadersLanguage(
            new DatePicker(getTranslation("guides.editor.lastChecked")));
    private final TextArea body = new TextArea(getTranslation("guides.editor.body"));
    private final Div check = new Div();
    private final Div preview = new Div();
    private final Div messages = new Div();
    private final Paragraph status = new Paragraph();
    private final Button save = new Button(getTranslation("guides.editor.save"));
    private final Button publish = new Button(getTranslation("guides.editor.publish"));
    private final Button unpublish = new Button(getTranslation("guides.editor.unpublish"));
    private final Grid<Revision> revisions = new Grid<>();
    private final Select<Languages.Language> translationLanguage = new Select<>();
    private final TextField translationTitle = new TextField(getTranslation("guides.editor.translationTitle"));
    private final TextField translationSummary = new TextField(getTranslation("guides.editor.translationSummary"));
    private final TextArea translationBody = new TextArea(getTranslation("guides.editor.translationBody"));
    private final com.vaadin.flow.component.checkbox.Checkbox translationPublished =
            new com.vaadin.flow.component.checkbox.Checkbox(getTranslation("guides.editor.translationPublished"));
    private final Div translationMessages = new Div();
    private final Div translations = new Div();
    private long translationVersion;
    private boolean translationExists;
    private Long id;
    private long version;

    GuideEditorView(GuideService guides, java.time.Clock clock) {
        this.guides = guides;
        this.clock = clock;
        addClassNames("page", "wide");
        title.setMaxLength(GuideService.MAX_TITLE);
        summary.setMaxLength(GuideService.MAX_SUMMARY);
        slug.setMaxLength(80);
        lastChecked.setLocale(Locale.UK);
        slug.setHelperText(getTranslation("guides.editor.slug.help"));
        category.setLabel(getTranslation("guides.editor.category"));
        category.setItems(guides.categories());
        category.setItemLabelGenerator(Category::name);
        kind.setLabel(getTranslation("guides.editor.kind"));
        kind.setItems(Guides.KIND_GUIDE, Guides.KIND_PATHWAY);
        kind.setItemLabelGenerator(k -> getTranslation(Guides.KIND_PATHWAY.equals(k) ? "guides.editor.kind.pathway" : "guides.editor.kind.guide"));
        body.setValueChangeMode(ValueChangeMode.LAZY);
        body.setValueChangeTimeout(400);
        body.setMaxLength(GuideService.MAX_BODY + 1000);
        body.setHelperText(getTranslation("guides.editor.body.help"));
        body.addClassName("body-editor");
        body.setMinRows(16);
        body.setWidthFull();
        body.addValueChangeListener(e -> refreshCheck());
        kind.addValueChangeListener(e -> refreshCheck());
        check.addClassName("check-panel");
        check.getElement().setAttribute("aria-live", "polite");
        preview.addClassNames("preview", "guide-body");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        publish.addClickListener(e -> publish(false));
        unpublish.addClickListener(e -> run(() -> version = guides.unpublish(id, version), getTranslation("guides.editor.unpublished")));
        unpublish.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        status.getElement().setAttribute("role", "status");
        revisions.addColumn(Revision::number).setHeader(getTranslation("guides.editor.revision.number")).setAutoWidth(true);
        revisions.addColumn(this::note).setHeader(getTranslation("guides.editor.revision.what")).setAutoWidth(true);
        revisions.addColumn(this::savedWhenBy).setHeader(getTranslation("guides.editor.revision.when"));
        revisions.addComponentColumn(r -> new Button(getTranslation("guides.editor.restore"), e -> restore(r))).setAutoWidth(true);
        StackedGrid.below(560, revisions, getTranslation("guides.editor.revision"), new ComponentRenderer<>(this::revisionCard));
        revisions.setAllRowsVisible(true);
        revisions.setAriaLabel(getTranslation("guides.editor.revisions"));

        var fields = new Div(title, slug, summary, category, kind, related, lastChecked, body);
        fields.addClassName("editor-fields");
        fields.getChildren().forEach(c -> ((com.vaadin.flow.component.HasSize) c).setWidthFull());
        var buttons = new Div(save, publish, unpublish);
        buttons.addClassName("search-box");
        var side = new Div(new H2(getTranslation("guides.editor.check")), check, new H2(getTranslation("guides.editor.preview")), preview);
        var grid = new Div(fields, side);
        grid.addClassName("editor-grid");
        add(new Paragraph(new RouterLink(getTranslation("guides.editor.all"), GuideEditorListView.class)),
                new H1(getTranslation("guides.editor.heading")), status, messages, grid, buttons,
                new H2(getTranslation("guides.editor.revisions")), revisions, translationsSection());
    }

    /** An earlier version on a phone: number and note, when and by whom, and the restore button. */
    private Div revisionCard(Revision r) {
        var title = new Span(getTranslation("guides.editor.revision.card", String.valueOf(r.number()), note(r)));
        title.addClassName("grid-card-title");
        var when = new Span(savedWhenBy(r));
        when.addClassName("grid-card-meta");
        var actions = new Div(new Button(getTranslation("guides.editor.restore"), e -> restore(r)));
        actions.addClassName("grid-card-actions");
        var card = new Div(title, when, actions);
        card.addClassName("grid-card");
        return card;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String param = event.getRouteParameters().get("id").orElse("new");
        if ("new".equals(param)) {
            id = null;
            version = 0;
            kind.setValue(Guides.KIND_GUIDE);
            lastChecked.setValue(java.time.LocalDate.now(clock.withZone(Times.ZONE)));
            refreshButtons(false);
            refreshCheck();
            return;
        }
        try {
            id = Long.parseLong(param);
        } catch (NumberFormatException e) {
            id = -1L;
        }
        guides.draft(id).ifPresentOrElse(d -> {
            fill(d.edit());
            version = d.version();
            status.setText(getTranslation(d.published() ? (d.changedSincePublished() ? "guides.editor.status.changed"
                    : "guides.editor.status.published") : "guides.editor.status.draft"));
            refreshButtons(d.published());
            revisions.setItems(guides.revisions(id));
        }, () -> {
            removeAll();
            add(new H1(getTranslation("guides.editor.notFound")), new RouterLink(getTranslation("guides.editor.all"), GuideEditorListView.class));
        });
        refreshCheck();
    }

    private Div translationsSection() {
        translationLanguage.setLabel(getTranslation("guides.editor.language"));
        translationLanguage.setItems(Languages.ALL.stream().filter(l -> !Languages.ENGLISH.equals(l.code())).toList());
        translationLanguage.setItemLabelGenerator(Languages.Language::name);
        translationLanguage.addValueChangeListener(e -> loadTranslation());
        translationTitle.setMaxLength(GuideService.MAX_TITLE);
        translationSummary.setMaxLength(GuideService.MAX_SUMMARY);
        translationBody.setMinRows(10);
        var save = new Button(getTranslation("guides.editor.saveTranslation"), e -> saveTranslation());
        for (var f : new com.vaadin.flow.component.HasSize[] {translationTitle, translationSummary, translationBody}) {
            f.setWidthFull();
        }
        translations.add(new H2(getTranslation("guides.editor.translations")),
                new Paragraph(getTranslation("guides.editor.translations.text")), translationLanguage, translationTitle, translationSummary,
                translationBody, translationPublished, translationMessages, save);
        return translations;
    }

    private void loadTranslation() {
        translationMessages.removeAll();
        var lang = translationLanguage.getValue();
        var existing = id == null || lang == null ? java.util.Optional.<Guides.Translation>empty()
                : guides.translations(id).stream().filter(t -> t.language().equals(lang.code())).findFirst();
        translationExists = existing.isPresent();
        translationVersion = existing.map(Guides.Translation::version).orElse(0L);
        translationTitle.setValue(existing.map(Guides.Translation::title).orElse(""));
        translationSummary.setValue(existing.map(Guides.Translation::summary).orElse(""));
        translationBody.setValue(existing.map(Guides.Translation::body).orElse(""));
        translationPublished.setValue(existing.map(Guides.Translation::published).orElse(false));
        String dir = lang != null && lang.rightToLeft() ? "rtl" : "ltr";
        for (var f : new com.vaadin.flow.component.HasElement[] {translationTitle, translationSummary, translationBody}) {
            f.getElement().setAttribute("dir", dir);
        }
    }

    private void saveTranslation() {
        translationMessages.removeAll();
        var lang = translationLanguage.getValue();
        try {
            translationVersion = guides.saveTranslation(new Guides.Translation(id, lang == null ? "" : lang.code(),
                    translationTitle.getValue().strip(), translationSummary.getValue().strip(), translationBody.getValue(),
                    translationPublished.getValue(), translationVersion));
            translationExists = true;
            translationMessages.add(Forms.notice("success", getTranslation("guides.editor.translationSaved")));
        } catch (InputProblem problem) {
            Map<String, HasValidation> fields = Map.of("language", translationLanguage, "translationTitle", translationTitle,
                    "translationSummary", translationSummary, "translationBody", translationBody);
            if (!Forms.show(problem, fields)) {
                translationMessages.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }

    /** "1 Dec 2026, 10:00 by Sam" in the reader's words. */
    private String savedWhenBy(Revision r) {
        return getTranslation("guides.editor.savedBy", Times.dateTime(r.savedAt(), getLocale()), r.savedBy());
    }

    /**
     * A revision's note is stored in English ("Draft saved", "Published", "Restored revision 3"); the notes the
     * service writes are shown in the reader's words, anything else as stored.
     */
    private String note(Revision r) {
        String note = r.note() == null ? "" : r.note();
        if ("Draft saved".equals(note)) {
            return getTranslation("guides.editor.note.saved");
        }
        if ("Published".equals(note)) {
            return getTranslation("guides.editor.note.published");
        }
        if ("Created".equals(note)) {
            return getTranslation("guides.editor.note.created");
        }
        if (note.startsWith("Restored revision ")) {
            return getTranslation("guides.editor.note.restored", note.substring("Restored revision ".length()));
        }
        return note;
    }

    private void fill(GuideEdit e) {
        title.setValue(e.title());
        slug.setValue(e.slug());
        summary.setValue(e.summary());
        category.setValue(guides.category(e.categoryCode()).orElse(null));
        kind.setValue(e.kind());
        related.setValue(String.join(", ", e.related()));
        lastChecked.setValue(e.lastChecked());
        body.setValue(e.body());
    }

    private GuideEdit edit() {
        return new GuideEdit(slug.getValue().strip().toLowerCase(Locale.ROOT),
                category.getValue() == null ? null : category.getValue().code(), kind.getValue(), title.getValue().strip(),
                summary.getValue().strip(), body.getValue(),
                Arrays.stream(related.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                lastChecked.getValue());
    }

    private void refreshButtons(boolean published) {
        translations.setVisible(id != null);
        publish.setEnabled(id != null);
        unpublish.setVisible(published);
        revisions.setVisible(id != null);
    }

    private void refreshCheck() {
        check.removeAll();
        PlainLanguageCheck.Report report = guides.check(body.getValue());
        check.removeClassNames("passes", "problems");
        check.addClassName(report.problems().isEmpty() ? "passes" : "problems");
        check.add(new Paragraph(getTranslation("guides.editor.grade", String.format(getLocale(), "%.1f", report.grade()),
                String.valueOf(report.words()), String.valueOf(report.sentences()))));
        if (report.problems().isEmpty()) {
            check.add(new Paragraph(getTranslation("guides.editor.noProblems")));
        } else {
            var list = new UnorderedList();
            report.problems(getLocale()).forEach(p -> list.add(new ListItem(p)));
            list.addClassName("check-problems");
            check.add(list);
        }
        try {
            preview.getElement().setProperty("innerHTML",
                    guides.renderMarkdown(body.getValue(), Guides.KIND_PATHWAY.equals(kind.getValue())));
        } catch (InputProblem tooLongOrDeep) {
            // the preview says why it cannot show the text; the text itself stays in the editor
            preview.getElement().setProperty("innerHTML",
                    "<p>" + org.jsoup.nodes.Entities.escape(tooLongOrDeep.message(getLocale())) + "</p>");
        }
    }

    private void save() {
        run(() -> {
            if (id == null) {
                id = guides.create(edit());
                version = 0;
                getUI().ifPresent(ui -> ui.navigate(GuideEditorView.class, new RouteParameters("id", String.valueOf(id))));
            } else {
                version = guides.saveDraft(id, version, edit());
            }
        }, getTranslation("guides.editor.saved"));
    }

    /** Saves first when there are unsaved changes, so what is published is what the worker sees. */
    private void publish(boolean confirmed) {
        try {
            version = guides.saveDraft(id, version, edit());
            version = guides.publish(id, version, confirmed);
            done(getTranslation("guides.editor.publishedNow"));
            refreshButtons(true);
        } catch (InputProblem problem) {
            if (GuideService.PUBLISH_ANYWAY.equals(problem.key())) {
                confirmPublish();
            } else {
                showProblem(problem);
            }
        }
        revisions.setItems(guides.revisions(id));
    }

    private void confirmPublish() {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("guides.editor.confirm.title"));
        var list = new UnorderedList();
        guides.check(body.getValue()).problems(getLocale()).forEach(p -> list.add(new ListItem(p)));
        dialog.add(new Paragraph(getTranslation("guides.editor.confirm.text")), list);
        var anyway = new Button(getTranslation("guides.editor.confirm.anyway"), e -> {
            dialog.close();
            publish(true);
        });
        anyway.addThemeVariants(ButtonVariant.ERROR);
        var back = new Button(getTranslation("guides.editor.confirm.back"), e -> dialog.close());
        back.addThemeVariants(ButtonVariant.PRIMARY);
        dialog.getFooter().add(back, anyway);
        dialog.open();
    }

    private void restore(Revision r) {
        run(() -> {
            version = guides.restore(id, version, r.id());
            guides.draft(id).ifPresent(d -> fill(d.edit()));
        }, getTranslation("guides.editor.restored", String.valueOf(r.number())));
    }

    private void run(Runnable action, String success) {
        try {
            action.run();
            done(success);
        } catch (InputProblem problem) {
            showProblem(problem);
        }
        if (id != null) {
            revisions.setItems(guides.revisions(id));
            revisions.setVisible(true);
        }
    }

    private void done(String text) {
        messages.removeAll();
        messages.add(Forms.notice("success", text));
        Map.<String, HasValidation>of("title", title).values().forEach(f -> f.setInvalid(false));
    }

    private void showProblem(InputProblem problem) {
        messages.removeAll();
        Map<String, HasValidation> fields = Map.of("title", title, "slug", slug, "summary", summary, "body", body,
                "category", category, "kind", kind);
        if (!Forms.show(problem, fields)) {
            messages.add(Forms.notice("error", problem.message(getLocale())));
        } else {
            messages.add(Forms.notice("error", getTranslation("guides.editor.checkForm", problem.message(getLocale()))));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guides.editor.heading");
    }
}
