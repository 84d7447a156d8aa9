package org.village.families.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.village.families.FamilyService;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.ui.Forms;

/**
 * Adding a family, as a page of its own (so it can be opened, reloaded and bookmarked, and no dialog sits
 * over the quick exit). Each child is a row that can be removed; a row left blank is ignored; a problem is
 * shown by the field it is about, and nothing typed is lost.
 */
@Route("families/new")
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
public class AddFamilyView extends Div implements HasDynamicTitle {

    private final FamilyService families;
    private final TextField label = new TextField(getTranslation("families.label"));
    private final Div rows = new Div();
    private final List<ChildRow> children = new ArrayList<>();
    private final Div message = new Div();
    private final Button save = new Button(getTranslation("families.save"));

    AddFamilyView(FamilyService families) {
        this.families = families;
        addClassNames("page", "add-family");
        add(new H1(getTranslation("families.add")));
        label.setHelperText(getTranslation("families.label.help"));
        label.setMaxLength(80);
        label.setWidthFull();
        label.setId("family-label");
        rows.addClassName("child-rows");
        var addChild = new Button(getTranslation("families.addChild"), e -> addRow().name.focus());
        addChild.setId("add-child");
        save.addClickListener(e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-family");
        save.setDisableOnClick(true);
        var cancel = new Button(getTranslation("staff.cancel"), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(FamiliesView.class)));
        message.setId("add-family-message");
        add(message, label, new H2(getTranslation("families.children")),
                new Paragraph(getTranslation("families.children.help")),
                rows, addChild, new Div(save, cancel));
        addRow();
    }

    private ChildRow addRow() {
        var row = new ChildRow();
        children.add(row);
        rows.add(row.box);
        renumber();
        return row;
    }

    private void removeRow(ChildRow row) {
        children.remove(row);
        rows.remove(row.box);
        if (children.isEmpty()) {
            addRow();
        }
        renumber();
    }

    /** Labels say which child they belong to, so a screen reader user knows which row they are in. */
    private void renumber() {
        for (int i = 0; i < children.size(); i++) {
            var r = children.get(i);
            r.name.setLabel(getTranslation("families.child.name", i + 1));
            r.age.setLabel(getTranslation("families.child.age", i + 1));
            r.remove.setText(getTranslation("families.child.remove", i + 1));
        }
    }

    private void save() {
        message.removeAll();
        // rows left completely blank are ignored, so an extra row never stops the save
        var filled = children.stream().filter(r -> !r.blank()).toList();
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("label", label);
        var input = new ArrayList<FamilyService.NewChild>();
        for (int i = 0; i < filled.size(); i++) {
            var r = filled.get(i);
            fields.put("child." + i + ".name", r.name);
            fields.put("child." + i + ".age", r.age);
            input.add(new FamilyService.NewChild(r.name.getValue(), r.age.getValue()));
        }
        children.forEach(r -> {
            r.name.setInvalid(false);
            r.age.setInvalid(false);
        });
        try {
            var created = families.create(label.getValue(), input);
            getUI().ifPresent(ui -> ui.navigate(FamiliesView.class,
                    QueryParameters.of("added", String.valueOf(created.id()))));
        } catch (InputProblem problem) {
            if ("children".equals(problem.field())) {
                var first = children.getFirst();
                first.name.setErrorMessage(problem.message(getLocale()));
                first.name.setInvalid(true);
            } else if (!Forms.show(problem, Map.copyOf(fields))) {
                message.add(Forms.notice("error", problem.message(getLocale())));
            }
        } finally {
            save.setEnabled(true);
        }
    }

    private final class ChildRow {
        final TextField name = new TextField();
        final ComboBox<String> age = new ComboBox<>();
        final Button remove = new Button();
        final Div box = new Div();

        ChildRow() {
            name.setMaxLength(40);
            name.addClassName("child-name");
            age.setItems(FamilyService.AGE_BANDS);
            age.setItemLabelGenerator(band -> getTranslation(FamiliesView.ageKey(band)));
            age.addClassName("child-age");
            remove.addThemeVariants(ButtonVariant.TERTIARY);
            remove.addClassName("remove-child");
            remove.addClickListener(e -> removeRow(this));
            box.addClassName("child-row");
            box.add(name, age, remove);
        }

        boolean blank() {
            return name.getValue().isBlank() && age.getValue() == null;
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("families.add");
    }
}
