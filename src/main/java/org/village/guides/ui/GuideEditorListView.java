package org.village.guides.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.village.guides.GuideService;
import org.village.guides.Guides.EditorRow;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.StackedGrid;

/** Workers' list of all guides, drafts included, newest change first, paged from the database. */
@Route("staff/guides")
@Menu(order = 65, title = "Edit guides")
@RolesAllowed({Roles.WORKER, Roles.ADMIN})
class GuideEditorListView extends Div implements HasDynamicTitle {

    GuideEditorListView(GuideService guides) {
        addClassNames("page", "wide");
        add(new H1(getTranslation("guides.list.title")));
        var text = new TextField(getTranslation("guides.list.find"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.setMaxLength(80);
        var create = new Button(getTranslation("guides.list.new"), e -> e.getSource().getUI().ifPresent(ui ->
                ui.navigate(GuideEditorView.class, new RouteParameters("id", "new"))));
        create.addThemeVariants(ButtonVariant.PRIMARY);
        var grid = new Grid<EditorRow>();
        grid.addColumn(EditorRow::title).setHeader(getTranslation("guides.editor.title")).setFlexGrow(3);
        grid.addColumn(this::status).setHeader(getTranslation("staff.status")).setAutoWidth(true);
        grid.addColumn(this::lastSaved).setHeader(getTranslation("guides.list.lastSaved")).setAutoWidth(true);
        StackedGrid.below(640, grid, getTranslation("guides.editor.kind.guide"), LitRenderer.<EditorRow>of("""
                <div class="grid-card"><span class="grid-card-title">${item.title}</span>
                <span>${item.status}</span><span class="grid-card-meta">${item.saved}</span></div>""")
                .withProperty("title", EditorRow::title)
                .withProperty("status", this::status)
                .withProperty("saved", r -> getTranslation("guides.list.lastSaved.card", lastSaved(r))));
        grid.setAriaLabel(getTranslation("guides.list.grid"));
        grid.setHeight("65vh");
        grid.addItemClickListener(e -> grid.getUI().ifPresent(ui -> ui.navigate(GuideEditorView.class,
                new RouteParameters("id", String.valueOf(e.getItem().id())))));
        Runnable reload = () -> grid.setItems(q -> guides.editorRows(text.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> guides.countEditorRows(text.getValue()));
        text.addValueChangeListener(e -> reload.run());
        var bar = new Div(text, create);
        bar.addClassName("search-box");
        add(bar, grid);
        reload.run();
    }

    private String status(EditorRow r) {
        return getTranslation(!r.published() ? "guides.list.draft"
                : r.changedSincePublished() ? "guides.list.changed" : "guides.list.published");
    }

    private String lastSaved(EditorRow r) {
        return getTranslation("guides.editor.savedBy", Times.dateTime(r.updatedAt(), getLocale()), r.updatedBy());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guides.list.title");
    }
}
