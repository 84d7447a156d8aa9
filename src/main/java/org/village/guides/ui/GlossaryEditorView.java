package org.village.guides.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.village.guides.GlossaryTerm;
import org.village.guides.GuideService;
import org.village.guides.Guides.GlossaryEdit;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;
import org.village.shared.ui.StackedGrid;

/** Workers add and change jargon-buster terms; a saved term is explained in every guide straight away. */
@Route("staff/jargon-buster")
@Menu(order = 66, title = "Edit jargon buster")
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
class GlossaryEditorView extends Div implements HasDynamicTitle {

    private final GuideService guides;
    private final Grid<GlossaryTerm> grid = new Grid<>();
    private final TextField filter = new TextField(getTranslation("guides.glossaryEditor.find"));
    private final TextField term = new TextField(getTranslation("guides.glossaryEditor.term"));
    private final TextArea meaning = new TextArea(getTranslation("guides.glossaryEditor.meaning"));
    private final TextArea forYou = new TextArea(getTranslation("guides.glossaryEditor.forYou"));
    private final TextField alsoKnownAs = new TextField(getTranslation("guides.glossaryEditor.alsoKnownAs"));
    private final H2 formTitle = new H2(getTranslation("guides.glossaryEditor.new"));
    private final Div messages = new Div();
    private GlossaryTerm editing;

    GlossaryEditorView(GuideService guides) {
        this.guides = guides;
        addClassNames("page", "wide");
        add(new H1(getTranslation("guides.glossaryEditor.title")));
        filter.setValueChangeMode(ValueChangeMode.LAZY);
        filter.setClearButtonVisible(true);
        filter.addValueChangeListener(e -> reload());
        grid.addColumn(GlossaryTerm::term).setHeader(getTranslation("guides.glossaryEditor.term")).setAutoWidth(true);
        grid.addColumn(GlossaryTerm::meaning).setHeader(getTranslation("guides.glossaryEditor.meaning")).setFlexGrow(3);
        StackedGrid.below(520, grid, getTranslation("guides.glossaryEditor.term"), LitRenderer.<GlossaryTerm>of("""
                <div class="grid-card"><span class="grid-card-title">${item.term}</span>
                <span class="grid-card-meta">${item.meaning}</span></div>""")
                .withProperty("term", GlossaryTerm::term)
                .withProperty("meaning", GlossaryTerm::meaning));
        grid.setAriaLabel(getTranslation("guides.glossaryEditor.terms"));
        grid.setHeight("40vh");
        grid.asSingleSelect().addValueChangeListener(e -> edit(e.getValue()));
        var create = new Button(getTranslation("guides.glossaryEditor.new"), e -> grid.asSingleSelect().clear());
        var bar = new Div(filter, create);
        bar.addClassName("search-box");
        term.setMaxLength(80);
        meaning.setMaxLength(600);
        forYou.setMaxLength(600);
        alsoKnownAs.setMaxLength(400);
        var save = new Button(getTranslation("guides.glossaryEditor.save"), e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var form = new Div(formTitle, term, meaning, forYou, alsoKnownAs, messages, save);
        for (var f : new com.vaadin.flow.component.HasSize[] {term, meaning, forYou, alsoKnownAs}) {
            f.setWidthFull();
        }
        add(bar, grid, form);
        reload();
    }

    private void reload() {
        String f = filter.getValue().strip().toLowerCase(Locale.ROOT);
        // the glossary is held in memory by the service (it marks every guide), so filtering here is cheap
        grid.setItems(guides.glossary().stream()
                .filter(t -> f.isEmpty() || t.term().toLowerCase(Locale.ROOT).contains(f)).toList());
    }

    private void edit(GlossaryTerm t) {
        editing = t;
        messages.removeAll();
        formTitle.setText(t == null ? getTranslation("guides.glossaryEditor.new")
                : getTranslation("guides.glossaryEditor.change", t.term()));
        term.setValue(t == null ? "" : t.term());
        meaning.setValue(t == null ? "" : t.meaning());
        forYou.setValue(t == null ? "" : t.forYou());
        alsoKnownAs.setValue(t == null ? "" : String.join(", ", t.alsoKnownAs()));
    }

    private void save() {
        var edit = new GlossaryEdit(term.getValue(), meaning.getValue(), forYou.getValue(),
                Arrays.stream(alsoKnownAs.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        try {
            guides.saveTerm(editing == null ? null : editing.id(), editing == null ? 0 : editing.version(), edit);
            messages.removeAll();
            messages.add(Forms.notice("success", getTranslation("guides.glossaryEditor.saved", edit.term().strip())));
            String saved = edit.term().strip();
            reload();
            guides.glossary().stream().filter(t -> t.term().equals(saved)).findFirst().ifPresent(t -> editing = t);
        } catch (InputProblem problem) {
            messages.removeAll();
            Map<String, HasValidation> fields = Map.of("term", term, "meaning", meaning, "forYou", forYou);
            if (!Forms.show(problem, fields)) {
                messages.add(Forms.notice("error", problem.message(getLocale())));
            }
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guides.glossaryEditor.title");
    }
}
