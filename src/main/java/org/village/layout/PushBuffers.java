package org.village.layout;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerContainer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.atmosphere.cpr.ApplicationConfig;
import org.atmosphere.cpr.AtmosphereFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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
 * <p>
 * Decision 089 took two more parts of each page's push connection away:
 * <ul>
 * <li>Tomcat allocates a new WebSocket's incoming buffers (a byte buffer and a character buffer) from the servlet
 *     container's default sizes before any endpoint sees the connection, and grows them only when a message
 *     arrives, which on a push connection never happens. The defaults are now {@link #CONTAINER_DEFAULT}: 8 KB less
 *     per page than Tomcat's 8,192 (the STOMP endpoint sets its own connections' limit when they open, and Tomcat
 *     grows their buffers at their next frame; {@code ChatStompReceiptIT} sends a 20 KB frame).</li>
 * <li>Per-message compression is not offered on push connections ({@link #pushWithoutCompression()}): it cost about
 *     24 KB of heap and some 300 KB of zlib's native memory per open page, for messages of a few hundred bytes.
 *     The STOMP endpoint keeps it.</li>
 * <li>Tomcat's own buffers for every WebSocket (the frame reader's input, the writer's output and its text encoder)
 *     are {@link #WEBSOCKET_BUFFER} bytes instead of 8,192, and every connection's socket buffers
 *     {@link #SOCKET_BUFFER} bytes instead of 8,192 (a push connection holds both for as long as the page is open).
 *     Larger messages still go: they are read and written in several pieces (a text message larger than the
 *     writer's buffer goes as several WebSocket frames of one message, which every client puts together), and
 *     Tomcat writes a large HTTP response past its socket buffer directly.</li>
 * </ul>
 */
@Component
class PushBuffers {

    private static final Logger LOG = LoggerFactory.getLogger(PushBuffers.class);

    /** Characters (or bytes) of one incoming message a connection can hold. */
    static final int INCOMING = 2048;
    /** Atmosphere's own buffers: allocated for every connection, used by nothing but close(). */
    static final int UNUSED = 128;
    /**
     * The servlet container's default buffer sizes for a WebSocket's incoming messages (bytes and characters): what
     * every new connection's buffers are allocated with before its endpoint sets its own limit. Any WebSocket endpoint
     * that accepts larger messages sets its own limit when a connection opens (the STOMP endpoint does).
     */
    static final int CONTAINER_DEFAULT = 1024;
    /** Tomcat's buffers for each WebSocket's frame reader, writer and text encoder (its default is 8,192). */
    static final int WEBSOCKET_BUFFER = 1024;
    /** Each connection's socket read and write buffers (Tomcat's default is 8,192). */
    static final int SOCKET_BUFFER = 2048;
    /** The system property Tomcat reads, once, when its WebSocket support is first used. */
    static final String WEBSOCKET_BUFFER_PROPERTY = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    /** Where Vaadin's push connections open (Atmosphere's WebSocket endpoint). */
    static final String PUSH_PATH = "/VAADIN/push";
    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

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
        if (context.getAttribute(ServerContainer.class.getName()) instanceof ServerContainer container) {
            container.setDefaultMaxTextMessageBufferSize(CONTAINER_DEFAULT);
            container.setDefaultMaxBinaryMessageBufferSize(CONTAINER_DEFAULT);
        } else {
            LOG.warn("No WebSocket container found: WebSockets keep the container's default buffers");
        }
    }

    /**
     * Tomcat's WebSocket buffers and every connection's socket buffers, smaller. Runs before the server starts (so
     * before Tomcat reads the WebSocket size); a size given on the command line is kept.
     */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallerConnectionBuffers() {
        return factory -> {
            if (System.getProperty(WEBSOCKET_BUFFER_PROPERTY) == null) {
                System.setProperty(WEBSOCKET_BUFFER_PROPERTY, Integer.toString(WEBSOCKET_BUFFER));
            }
            factory.addConnectorCustomizers(connector -> {
                connector.setProperty("socket.appReadBufSize", Integer.toString(SOCKET_BUFFER));
                connector.setProperty("socket.appWriteBufSize", Integer.toString(SOCKET_BUFFER));
            });
        };
    }

    /**
     * Push connections open without per-message compression: the browser's offer of extensions is hidden from the
     * WebSocket handshake on the push address only (Tomcat's WebSocket filter, which makes the handshake, runs after
     * the application's filters), so the connection is made without one. Nothing else about the request changes.
     */
    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> pushWithoutCompression() {
        var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (request.getHeader(EXTENSIONS) == null) {
                    chain.doFilter(request, response);
                    return;
                }
                chain.doFilter(new HttpServletRequestWrapper(request) {
                    @Override
                    public String getHeader(String name) {
                        return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
                    }

                    @Override
                    public Enumeration<String> getHeaders(String name) {
                        return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
                    }

                    @Override
                    public Enumeration<String> getHeaderNames() {
                        var names = new ArrayList<String>();
                        for (String n : Collections.list(super.getHeaderNames())) {
                            if (!EXTENSIONS.equalsIgnoreCase(n)) {
                                names.add(n);
                            }
                        }
                        return Collections.enumeration(names);
                    }
                }, response);
            }
        });
        registration.addUrlPatterns(PUSH_PATH, PUSH_PATH + "/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setName("pushWithoutCompression");
        return registration;
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
