package org.village.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.village.security.AccountService;
import org.village.security.AccountService.AccountSummary;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;
import org.village.shared.ui.StackedGrid;

/**
 * Admins make staff accounts (peer supporter, family support worker, admin), tick the set of roles each one holds
 * (decision 064) and switch accounts off. Changing someone's roles ends their sessions on every device.
 */
@Route("admin/staff")
@Menu(order = 60, title = "Staff accounts")
@RolesAllowed(Roles.ADMIN)
class StaffView extends Div implements HasDynamicTitle {

    private final AccountService accounts;
    private final Grid<AccountSummary> grid = new Grid<>();
    private final Div message = new Div();
    /** The last click made an account and emptied the form. */
    private boolean justMade;

    StaffView(AccountService accounts) {
        this.accounts = accounts;
        addClassNames("page", "wide");
        add(new H1(getTranslation("staff.title")));
        grid.addColumn(AccountSummary::displayName).setHeader(getTranslation("staff.name")).setAutoWidth(true);
        grid.addColumn(AccountSummary::username).setHeader(getTranslation("join.username")).setAutoWidth(true);
        grid.addColumn(this::roles).setHeader(getTranslation("staff.roles"));
        grid.addColumn(this::status).setHeader(getTranslation("staff.status"));
        grid.addColumn(a -> Times.dateTime(a.lastSignInAt(), getLocale())).setHeader(getTranslation("staff.lastSignIn"));
        grid.addComponentColumn(this::actions).setHeader(getTranslation("staff.change")).setAutoWidth(true);
        // long roles and dates wrap rather than being cut off with "..."
        grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT);
        StackedGrid.below(900, grid, getTranslation("staff.member"), new ComponentRenderer<>(this::card));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("staff.title"));
        add(message, grid, newStaffForm());
        refresh();
    }

    private void refresh() {
        grid.setItems(accounts.staff());
    }

    /** The roles held, in a fixed order (most powerful last reads naturally: "Peer supporter, Admin"). */
    private String roles(AccountSummary a) {
        return Roles.ALL.reversed().stream().filter(a.roles()::contains).map(this::role)
                .collect(Collectors.joining(", "));
    }

    /** A role in the reader's words ({@code staff.role.WORKER} is "Family support worker"). */
    private String role(String role) {
        return getTranslation("staff.role." + role);
    }

    private String status(AccountSummary a) {
        return getTranslation(a.enabled() ? (a.locked() ? "staff.status.waiting" : "staff.status.on") : "staff.status.off");
    }

    /** The whole row on a phone: who, how they sign in, role, status, and the same buttons. */
    private Div card(AccountSummary a) {
        var title = new Span(a.displayName());
        title.addClassName("grid-card-title");
        var actions = actions(a);
        actions.addClassName("grid-card-actions");
        var card = new Div(title, new Span(getTranslation("staff.card.username", a.username())),
                new Span(getTranslation("staff.card.roles", roles(a))), new Span(getTranslation("staff.card.status", status(a))),
                new Span(getTranslation("staff.card.lastSignIn", a.lastSignInAt() == null ? getTranslation("staff.never")
                        : Times.dateTime(a.lastSignInAt(), getLocale()))), actions);
        card.addClassName("grid-card");
        return card;
    }

    private Div actions(AccountSummary a) {
        var role = new Button(getTranslation("staff.changeRoles"), e -> openRoles(a));
        var onOff = new Button(getTranslation(a.enabled() ? "staff.switchOff" : "staff.switchOn"),
                e -> run(() -> accounts.setEnabled(a.id(), !a.enabled()),
                        getTranslation(a.enabled() ? "staff.switchedOff" : "staff.switchedOn")));
        role.addThemeVariants(ButtonVariant.SMALL);
        onOff.addThemeVariants(ButtonVariant.SMALL);
        // each row has the same buttons: say whose they are (screen readers read the name with the button)
        role.getElement().setAttribute("aria-label", getTranslation("staff.whose", role.getText(), a.displayName()));
        onOff.getElement().setAttribute("aria-label", getTranslation("staff.whose", onOff.getText(), a.displayName()));
        return new Div(role, onOff);
    }

    /** Tick boxes, one per staff role; saving ends the person's sessions everywhere. */
    private void openRoles(AccountSummary a) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("staff.rolesFor", a.displayName()));
        var boxes = new CheckboxGroup<String>(getTranslation("staff.roles"));
        boxes.setItems(Roles.STAFF_ROLES);
        boxes.setItemLabelGenerator(this::role);
        boxes.setValue(new LinkedHashSet<>(a.roles()));
        boxes.setHelperText(getTranslation("staff.roles.help", a.displayName()));
        var problem = new Div();
        var save = new Button(getTranslation("staff.saveRoles"), e -> {
            problem.removeAll();
            try {
                accounts.changeRoles(a.id(), boxes.getValue());
                dialog.close();
                message.removeAll();
                message.add(Forms.notice("success", getTranslation("staff.rolesChanged", a.displayName())));
                refresh();
            } catch (InputProblem p) {
                // the ticks stay as chosen, so nothing is lost
                boxes.setInvalid(true);
                boxes.setErrorMessage(p.message(getLocale()));
                problem.add(Forms.notice("error", p.message(getLocale())));
            }
        });
        save.addThemeVariants(ButtonVariant.PRIMARY);
        var cancel = new Button(getTranslation("staff.cancel"), e -> dialog.close());
        dialog.add(problem, boxes);
        dialog.getFooter().add(cancel, save);
        dialog.open();
    }

    private void run(Runnable action, String done) {
        message.removeAll();
        try {
            action.run();
            message.add(Forms.notice("success", done));
            refresh();
        } catch (InputProblem problem) {
            message.add(Forms.notice("error", problem.message(getLocale())));
        }
    }

    private Div newStaffForm() {
        var username = new TextField(getTranslation("join.username"));
        username.setMaxLength(60);
        var displayName = new TextField(getTranslation("setup.displayName"));
        displayName.setMaxLength(40);
        var role = new RadioButtonGroup<String>(getTranslation("staff.role"));
        role.setItems(Roles.STAFF_ROLES);
        role.setItemLabelGenerator(this::role);
        role.setValue(Roles.WORKER);
        var password = new PasswordField(getTranslation("staff.firstPassword"));
        password.setHelperText(getTranslation("staff.firstPassword.help", PasswordPolicy.MIN));
        password.setMaxLength(PasswordPolicy.MAX);
        var formMessage = new Div();
        var create = new Button(getTranslation("staff.make"));
        // disabled from the first click until the answer is back, so a double click sends one request
        create.setDisableOnClick(true);
        create.addClickListener(e -> {
            try {
                boolean blank = username.isEmpty() && displayName.isEmpty() && password.isEmpty();
                if (blank && justMade) {
                    // a second click after the account was made (the form has been emptied): nothing more to do
                    return;
                }
                formMessage.removeAll();
                justMade = false;
                accounts.createStaff(username.getValue(), displayName.getValue(), role.getValue(), password.getValue());
                String made = displayName.getValue().strip();
                username.clear();
                displayName.clear();
                password.clear();
                justMade = true;
                formMessage.add(Forms.notice("success", getTranslation("staff.made", made)));
                refresh();
            } catch (InputProblem problem) {
                if (!Forms.show(problem, Map.of("username", username, "displayName", displayName, "password", password))) {
                    formMessage.add(Forms.notice("error", problem.message(getLocale())));
                }
            } finally {
                create.setEnabled(true);
            }
        });
        // typing again starts a new staff member
        username.addValueChangeListener(e -> justMade &= !e.isFromClient());
        displayName.addValueChangeListener(e -> justMade &= !e.isFromClient());
        create.addThemeVariants(ButtonVariant.PRIMARY);
        return new Div(new H2(getTranslation("staff.add")), formMessage, username, displayName, role, password, new Div(create));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.title");
    }
}
