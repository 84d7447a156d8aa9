package org.village.layout;

import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Smaller buffers for each page's push connection (decision 088). Vaadin sets Atmosphere's WebSocket sizes to 16,384
 * for every connection, which cost about 110 KB of heap per open page: Tomcat keeps a text buffer for incoming
 * messages of that many characters (64 KB once grown), and Atmosphere allocates a 16 KB byte buffer and a 32 KB
 * character buffer that it only ever clears. With {@code @Push}'s usual transport (WEBSOCKET_XHR) the browser sends
 * its messages by XHR, never over the WebSocket, so incoming buffers of 2,048 are ample; messages to the browser do
 * not use these buffers. Atmosphere reads the sizes each time a connection opens, so changing them once the
 * application is ready applies to every page opened after that.
 * <p>
 * If the push transport is ever changed to WEBSOCKET (the browser's messages over the WebSocket too), raise
 * {@link #INCOMING} back to 16,384 or more: a message larger than the buffer closes the connection.
 */
@Component
class PushBuffers {

    private static final Logger LOG = LoggerFactory.getLogger(PushBuffers.class);

    /** Characters (or bytes) of one incoming message a connection can hold. */
    static final int INCOMING = 2048;
    /** Atmosphere's own buffers: allocated for every connection, used by nothing but close(). */
    static final int UNUSED = 128;

    private final ServletContext context;

    PushBuffers(ServletContext context) {
        this.context = context;
    }

    @EventListener(ApplicationReadyEvent.class)
    void shrink() {
        var frameworks = frameworks(context);
        for (AtmosphereFramework framework : frameworks) {
            framework.addInitParameter(ApplicationConfig.WEBSOCKET_MAXTEXTSIZE, Integer.toString(INCOMING));
            framework.addInitParameter(ApplicationConfig.WEBSOCKET_MAXBINARYSIZE, Integer.toString(INCOMING));
            framework.addInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE, Integer.toString(UNUSED));
        }
        if (frameworks.isEmpty()) {
            LOG.warn("No push framework found: push connections keep Vaadin's larger buffers");
        }
    }

    /** The Atmosphere frameworks Vaadin made for its servlets (kept as servlet context attributes). */
    static List<AtmosphereFramework> frameworks(ServletContext context) {
        var found = new ArrayList<AtmosphereFramework>();
        for (String name : Collections.list(context.getAttributeNames())) {
            if (context.getAttribute(name) instanceof AtmosphereFramework framework) {
                found.add(framework);
            }
        }
        return found;
    }
}
