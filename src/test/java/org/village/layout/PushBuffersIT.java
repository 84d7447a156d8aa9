package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import jakarta.servlet.ServletContext;
import jakarta.websocket.server.ServerContainer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.atmosphere.cpr.ApplicationConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.village.Application;
import org.village.IntegrationTest;

/**
 * Push connections open with the small buffers of decisions 088 and 089, and the assumption they rest on holds: the
 * browser sends its messages by XHR (WEBSOCKET_XHR), so nothing large ever arrives over the WebSocket. Push
 * connections are made without per-message compression; the STOMP endpoint still offers it.
 */
class PushBuffersIT extends IntegrationTest {

    @Autowired
    ServletContext context;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.context.ApplicationContext applicationContext;

    /** The response head to a WebSocket handshake that offers per-message compression, as a browser does. */
    private String handshake(String path, String origin) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: localhost:" + port + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var head = new ByteArrayOutputStream();
            var in = socket.getInputStream();
            int b;
            while ((b = in.read()) != -1) {
                head.write(b);
                if (head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                    break;
                }
            }
            return head.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void pushConnectionsOpenWithoutCompression() throws IOException {
        String head = handshake("/VAADIN/push?v-r=push&v-uiId=0&v-pushId=x&X-Atmosphere-Transport=websocket", null);
        assertThat(head).startsWith("HTTP/1.1 101");
        assertThat(head.toLowerCase()).doesNotContain("sec-websocket-extensions").doesNotContain("permessage-deflate");
    }

    @Test
    void theStompEndpointStillCompresses() throws IOException {
        // a phone app sends no Origin; STOMP frames can be large, and phones on paid data gain from compression
        String head = handshake("/ws", null);
        assertThat(head).startsWith("HTTP/1.1 101");
        assertThat(head.toLowerCase()).contains("permessage-deflate");
    }

    @Test
    void tomcatsWebSocketAndSocketBuffersAreSmaller() throws Exception {
        var constants = Class.forName("org.apache.tomcat.websocket.Constants");
        var size = constants.getDeclaredField("DEFAULT_BUFFER_SIZE");
        size.setAccessible(true);
        assertThat(size.getInt(null)).isEqualTo(PushBuffers.WEBSOCKET_BUFFER);
        var web = (org.springframework.boot.tomcat.TomcatWebServer)
                ((org.springframework.boot.web.server.context.WebServerApplicationContext) applicationContext).getWebServer();
        var connector = web.getTomcat().getConnector();
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString(Integer.toString(PushBuffers.SOCKET_BUFFER));
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString(Integer.toString(PushBuffers.SOCKET_BUFFER));
    }

    @Test
    void newWebSocketsStartWithSmallIncomingBuffers() {
        var container = (ServerContainer) context.getAttribute(ServerContainer.class.getName());
        assertThat(container.getDefaultMaxTextMessageBufferSize()).isEqualTo(PushBuffers.CONTAINER_DEFAULT);
        assertThat(container.getDefaultMaxBinaryMessageBufferSize()).isEqualTo(PushBuffers.CONTAINER_DEFAULT);
    }

    @Test
    void newPushConnectionsGetTheSmallBuffers() {
        var frameworks = PushBuffers.frameworks(context);
        assertThat(frameworks).isNotEmpty();
        for (var framework : frameworks) {
            var config = framework.getAtmosphereConfig();
            assertThat(config.getInitParameter(ApplicationConfig.WEBSOCKET_MAXTEXTSIZE)).isEqualTo("2048");
            assertThat(config.getInitParameter(ApplicationConfig.WEBSOCKET_MAXBINARYSIZE)).isEqualTo("2048");
            assertThat(config.getInitParameter(ApplicationConfig.WEBSOCKET_BUFFER_SIZE)).isEqualTo("128");
        }
    }

    @Test
    void theBrowserSendsByXhrSoIncomingBuffersCanBeSmall() {
        assertThat(Application.class.getAnnotation(Push.class).transport()).isEqualTo(Transport.WEBSOCKET_XHR);
    }
}
