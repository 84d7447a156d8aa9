package org.village.security.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.village.shared.AuditLog;
import org.village.shared.Roles;
import org.village.shared.Times;
import org.village.shared.ui.StackedGrid;

/** Admins browse the audit log, newest first, paged from the database and filtered by action, text and dates. */
@Route("admin/audit")
@Menu(order = 70, title = "Audit log")
@RolesAllowed(Roles.ADMIN)
class AuditLogView extends Div implements HasDynamicTitle {

    AuditLogView(AuditLog audit) {
        addClassNames("page", "wide");
        add(new H1(getTranslation("audit.title")));
        var action = new ComboBox<String>(getTranslation("audit.action"), audit.actions());
        action.setClearButtonVisible(true);
        var text = new TextField(getTranslation("audit.text"));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(100);
        text.setClearButtonVisible(true);
        var from = org.village.shared.ui.LocalDates.inReadersLanguage(new DatePicker(getTranslation("audit.from")));
        var to = org.village.shared.ui.LocalDates.inReadersLanguage(new DatePicker(getTranslation("audit.to")));
        var grid = new Grid<AuditLog.Entry>();
        grid.addColumn(e -> Times.dateTime(e.at(), getLocale())).setHeader(getTranslation("audit.when")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("audit.who")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::action).setHeader(getTranslation("audit.action")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::target).setHeader(getTranslation("audit.target")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::detail).setHeader(getTranslation("audit.detail"));
        StackedGrid.below(760, grid, getTranslation("audit.entry"), LitRenderer.<AuditLog.Entry>of("""
                <div class="grid-card"><span class="grid-card-title">${item.action}</span>
                <span>${item.when} · ${item.who}</span><span>${item.target}</span>
                <span class="grid-card-meta">${item.detail}</span></div>""")
                .withProperty("action", AuditLog.Entry::action)
                .withProperty("when", e -> Times.dateTime(e.at(), getLocale()))
                .withProperty("who", AuditLog.Entry::actor)
                .withProperty("target", AuditLog.Entry::target)
                .withProperty("detail", AuditLog.Entry::detail));
        grid.setAriaLabel(getTranslation("audit.entries"));
        grid.setHeight("60vh");
        Runnable reload = () -> {
            var filter = new AuditLog.Filter(action.getValue(), text.getValue(),
                    from.getValue() == null ? null : from.getValue().atStartOfDay(Times.ZONE).toInstant(),
                    to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(Times.ZONE).toInstant());
            grid.setItems(q -> audit.search(filter, q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter));
        };
        action.addValueChangeListener(e -> reload.run());
        text.addValueChangeListener(e -> reload.run());
        from.addValueChangeListener(e -> reload.run());
        to.addValueChangeListener(e -> reload.run());
        var filters = new Div(action, text, from, to);
        filters.addClassName("filter-bar");
        add(filters, grid);
        reload.run();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title");
    }
}
