package org.village.notification.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import org.springframework.stereotype.Component;
import org.village.notification.internal.MailTransport;

/** Adds the Sent e-mails page when, and only when, the in-process SMTP server runs (decision 070). */
@Component
class SentEmailsRoute implements VaadinServiceInitListener {

    private final MailTransport transport;

    SentEmailsRoute(MailTransport transport) {
        this.transport = transport;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        if (transport.inProcess().isPresent()) {
            RouteConfiguration.forRegistry(ApplicationRouteRegistry.getInstance(event.getSource().getContext()))
                    .setAnnotatedRoute(SentEmailsView.class);
        }
    }
}
