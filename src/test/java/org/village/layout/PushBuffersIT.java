package org.village.layout;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.ui.Transport;
import jakarta.servlet.ServletContext;
import org.atmosphere.cpr.ApplicationConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.Application;
import org.village.IntegrationTest;

/**
 * Push connections open with the small buffers of decision 088, and the assumption they rest on holds: the browser
 * sends its messages by XHR (WEBSOCKET_XHR), so nothing large ever arrives over the WebSocket.
 */
class PushBuffersIT extends IntegrationTest {

    @Autowired
    ServletContext context;

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
