package org.village.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.village.helpnow.HelpNowService;

/** Shown when a signed-in person opens a page their role does not allow. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotAllowedView extends Div implements HasErrorParameter<AccessDeniedException>, com.vaadin.flow.router.HasDynamicTitle {

    private final org.village.security.CurrentUser currentUser;
    private final HelpNowService helpNow;

    NotAllowedView(org.village.security.CurrentUser currentUser, HelpNowService helpNow) {
        this.currentUser = currentUser;
        this.helpNow = helpNow;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        boolean staff = currentUser.get().map(u -> u.isStaff()).orElse(false);
        ErrorPages.fill(this, getTranslation("error.notAllowed.title"), staff
                ? getTranslation("error.notAllowed.staff") : getTranslation("error.notAllowed.parent"), helpNow);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.notAllowed.pageTitle");
    }
}
