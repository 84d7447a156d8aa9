package org.village.families.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
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
@PageTitle("Add a family")
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
public class AddFamilyView extends Div {

    private final FamilyService families;
    private final TextField label = new TextField("Family label");
    private final Div rows = new Div();
    private final List<ChildRow> children = new ArrayList<>();
    private final Div message = new Div();
    private final Button save = new Button("Save family");

    AddFamilyView(FamilyService families) {
        this.families = families;
        addClassNames("page", "add-family");
        add(new H1("Add a family"));
        label.setHelperText("A short label, such as 'Family C'. Not a surname.");
        label.setMaxLength(80);
        label.setWidthFull();
        label.setId("family-label");
        rows.addClassName("child-rows");
        var addChild = new Button("Add another child", e -> addRow().name.focus());
        addChild.setId("add-child");
        save.addClickListener(e -> save());
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setId("save-family");
        save.setDisableOnClick(true);
        var cancel = new Button("Cancel", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(FamiliesView.class)));
        message.setId("add-family-message");
        add(message, label, new H2("Children"), new Paragraph("A first name or nickname and an age band are enough."),
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
            r.name.setLabel("Child " + (i + 1) + ": first name or nickname");
            r.age.setLabel("Child " + (i + 1) + ": age");
            r.remove.setText("Remove child " + (i + 1));
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
                first.name.setErrorMessage(problem.getMessage());
                first.name.setInvalid(true);
            } else if (!Forms.show(problem, Map.copyOf(fields))) {
                message.add(Forms.notice("error", problem.getMessage()));
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
}
