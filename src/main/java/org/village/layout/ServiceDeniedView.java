package org.village.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.village.helpnow.HelpNowService;

/** A service refused the request (for example another family's page): same kind words, no details. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ServiceDeniedView extends Div implements HasErrorParameter<AccessDeniedException>, com.vaadin.flow.router.HasDynamicTitle {

    private final HelpNowService helpNow;

    ServiceDeniedView(HelpNowService helpNow) {
        this.helpNow = helpNow;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        ErrorPages.fill(this, getTranslation("error.notAllowed.title"), getTranslation("error.serviceDenied"), helpNow);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.notAllowed.pageTitle");
    }
}
