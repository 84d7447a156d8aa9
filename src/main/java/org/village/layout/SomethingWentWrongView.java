package org.village.layout;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.village.helpnow.HelpNowService;

/** Any other failure: kind words for the person, the details only in the log (no personal data there). */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class SomethingWentWrongView extends Div implements HasErrorParameter<Exception>, com.vaadin.flow.router.HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(SomethingWentWrongView.class);

    private final HelpNowService helpNow;

    SomethingWentWrongView(HelpNowService helpNow) {
        this.helpNow = helpNow;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Error while opening a page", parameter.getCaughtException());
        ErrorPages.fill(this, getTranslation("error.wrong.title"), getTranslation("error.wrong.text"), helpNow);
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("pageTitle.wrong");
    }
}
