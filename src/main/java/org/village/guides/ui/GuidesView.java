package org.village.guides.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.village.guides.GuideService;
import org.village.helpnow.HelpNowService;

/** The guides front page: search, the "what happens next" pathways, then every category. */
@Route("guides")
@Menu(order = 10, title = "Guides")
@AnonymousAllowed
class GuidesView extends Div implements com.vaadin.flow.router.HasDynamicTitle {

    GuidesView(GuideService guides, HelpNowService helpNow) {
        addClassName("page");
        add(new H1(getTranslation("guides.title")));
        add(new Paragraph(getTranslation("guides.intro")));
        add(GuideUi.searchBox(""));
        var pathways = new Section(new H2(getTranslation("guides.pathways")),
                new Paragraph(getTranslation("guides.pathways.intro")),
                GuideUi.list(guides.pathways()));
        pathways.addClassName("pathways");
        add(pathways);
        for (var category : guides.categories()) {
            var list = guides.guidesIn(category.code()).stream().filter(g -> !"pathway".equals(g.kind())).toList();
            if (list.isEmpty()) {
                continue;
            }
            var section = new Section(new H2(category.name()), new Paragraph(category.description()), GuideUi.list(list));
            section.addClassName("category");
            section.setId("category-" + category.code());
            add(section);
        }
        add(helpNow.box());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.guides");
    }
}
