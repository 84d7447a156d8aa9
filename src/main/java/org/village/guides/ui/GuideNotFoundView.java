package org.village.guides.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.village.helpnow.HelpNowService;
import org.village.layout.MainLayout;

/**
 * An old or mistyped guide link: a kind page with search, all guides and help now, answered with HTTP 404
 * so search engines and link checkers drop the address.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
class GuideNotFoundView extends Div implements HasErrorParameter<GuideNotFound>, com.vaadin.flow.router.HasDynamicTitle {

    private final HelpNowService helpNow;

    GuideNotFoundView(HelpNowService helpNow) {
        this.helpNow = helpNow;
        addClassName("page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<GuideNotFound> parameter) {
        removeAll();
        add(new H1(getTranslation("guides.notFound.title")));
        add(new Paragraph(getTranslation("guides.notFound.text")));
        add(GuideUi.searchBox(""));
        add(new Paragraph(new RouterLink(getTranslation("guides.notFound.all"), GuidesView.class)));
        add(helpNow.box());
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.guide");
    }
}
