package org.village.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import org.springframework.beans.factory.ObjectProvider;
import org.village.shared.Roles;
import org.village.shared.ui.TodaySection;

/**
 * A worker's start page ("Today"), the first page staff see after signing in: the parts each feature adds
 * ({@link TodaySection} beans: urgent items first, then the queue, the rota, chat and booking), in their order, each
 * shown only to those it is for. The layout knows none of those features.
 */
@Route("today")
@Menu(order = 1, title = "Today")
@RolesAllowed({Roles.PEER_SUPPORTER, Roles.WORKER, Roles.ADMIN})
class TodayView extends Div implements HasDynamicTitle {

    TodayView(ObjectProvider<TodaySection> sections) {
        addClassNames("page", "today");
        add(new H1(getTranslation("today.title")));
        var parts = new Div();
        parts.addClassName("today-parts");
        sections.orderedStream().sorted(Comparator.comparingInt(TodaySection::order))
                .forEach(section -> section.build().ifPresent(parts::add));
        if (parts.getComponentCount() == 0) {
            add(new Paragraph(getTranslation("today.nothing")));
        }
        add(parts);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.today");
    }
}
