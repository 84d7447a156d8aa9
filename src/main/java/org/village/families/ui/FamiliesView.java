package org.village.families.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.village.security.AccountService;
import org.village.families.FamilyService;
import org.village.families.FamilyService.FamilySummary;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.Forms;
import org.village.shared.ui.StackedGrid;

/** Workers see the families they look after (admins all): add a family, invite a parent, reset a password. */
@Route("families")
@Menu(order = 50, title = "Families")
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
class FamiliesView extends Div implements com.vaadin.flow.router.BeforeEnterObserver, HasDynamicTitle {

    private final FamilyService families;
    private final AccountService accounts;
    private final Grid<FamilySummary> grid = new Grid<>();
    private final Div detail = new Div();

    FamiliesView(FamilyService families, AccountService accounts) {
        this.families = families;
        this.accounts = accounts;
        addClassNames("page", "wide");
        add(new H1(getTranslation("families.title")));
        add(new Paragraph(getTranslation("families.intro")));
        var add = new Button(getTranslation("families.add"), e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(AddFamilyView.class)));
        add.addThemeVariants(ButtonVariant.PRIMARY);
        grid.addColumn(FamilySummary::label).setHeader(getTranslation("families.family")).setAutoWidth(true);
        grid.addColumn(this::children).setHeader(getTranslation("families.children"));
        grid.addColumn(f -> f.parents().size()).setHeader(getTranslation("families.parents")).setAutoWidth(true);
        StackedGrid.below(520, grid, getTranslation("families.family"), LitRenderer.<FamilySummary>of("""
                <div class="grid-card"><span class="grid-card-title">${item.label}</span>
                <span>${item.children}</span><span>${item.parents}</span></div>""")
                .withProperty("label", FamilySummary::label)
                .withProperty("children", f -> getTranslation("families.card.children",
                        f.children().isEmpty() ? getTranslation("families.card.none") : children(f)))
                .withProperty("parents", f -> getTranslation("families.card.parents", String.valueOf(f.parents().size()))));
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("families.title"));
        grid.addSelectionListener(e -> e.getFirstSelectedItem().ifPresentOrElse(this::showFamily, detail::removeAll));
        add(add, grid, detail);
        refresh();
    }

    /** After adding a family ({@code ?added=id}) it is shown selected, with its next steps. */
    @Override
    public void beforeEnter(com.vaadin.flow.router.BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("added").ifPresent(id -> families.visibleFamilies()
                .stream().filter(f -> String.valueOf(f.id()).equals(id)).findFirst().ifPresent(grid::select));
    }

    /** The bundle key of an age band as stored ("8 to 10" is {@code families.age.8-to-10}). */
    static String ageKey(String band) {
        return "families.age." + band.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    private String children(FamilySummary family) {
        return family.children().stream().map(c -> c.name() + " (" + getTranslation(ageKey(c.ageBand())) + ")")
                .reduce((a, b) -> a + ", " + b).orElse("");
    }

    private void refresh() {
        grid.setItems(families.visibleFamilies());
    }

    private void showFamily(FamilySummary family) {
        detail.removeAll();
        detail.add(new H2(family.label()));
        var invite = new Button(getTranslation("families.invite"), e -> invite(family));
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        detail.add(invite);
        var parents = accounts.parentsOf(family.id());
        if (parents.isEmpty()) {
            detail.add(new Paragraph(getTranslation("families.noParent")));
        }
        for (var parent : parents) {
            var row = new HorizontalLayout(new Span(parent.locked() ? getTranslation("families.parent.waiting", parent.displayName())
                    : parent.displayName()),
                    new Button(getTranslation("families.resetLink"), e -> reset(parent.id(), parent.displayName())));
            row.setAlignItems(HorizontalLayout.Alignment.CENTER);
            row.getStyle().set("flex-wrap", "wrap");
            detail.add(row);
        }
        // on a phone the family's actions are below the list: bring them into view
        detail.scrollIntoView();
    }

    private void invite(FamilySummary family) {
        var invitation = accounts.invite(family.id());
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("families.invitationFor", family.label()));
        var code = new Div(invitation.code());
        code.addClassName("code-box");
        code.setId("invitation-code");
        var link = new Div(absolute(invitation.path()));
        link.addClassName("code-box");
        link.setId("invitation-link");
        link.getStyle().set("font-size", "1rem");
        dialog.add(new Paragraph(getTranslation("families.invitation.text",
                        Times.dateTime(invitation.expiresAt(), getLocale()))),
                code, new Paragraph(getTranslation("families.invitation.link")), link,
                new Paragraph(getTranslation("families.invitation.keep")));
        dialog.getFooter().add(new Button(getTranslation("families.done"), e -> dialog.close()));
        dialog.open();
    }

    private void reset(long accountId, String name) {
        var link = accounts.issueReset(accountId);
        var dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("families.resetFor", name));
        var box = new Div(absolute(link.path()));
        box.addClassName("code-box");
        box.setId("reset-link");
        box.getStyle().set("font-size", "1rem");
        dialog.add(new Paragraph(getTranslation("families.reset.text", Times.dateTime(link.expiresAt(), getLocale()))), box);
        dialog.getFooter().add(new Button(getTranslation("families.done"), e -> dialog.close()));
        dialog.open();
    }

    private String absolute(String path) {
        var location = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        if (location == null) {
            return path;
        }
        var req = location.getHttpServletRequest();
        String base = req.getScheme() + "://" + req.getServerName()
                + (req.getServerPort() == 80 || req.getServerPort() == 443 ? "" : ":" + req.getServerPort())
                + req.getContextPath() + "/";
        return base + path;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("families.title");
    }
}
