package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.village.directory.HostResolver;

/**
 * An admin imports from a feed's web address (decision 067): the fetch runs in the background, the page shows
 * how far it has got and can stop it, and the answer arrives by push. The feed server is on 127.0.0.1; a test
 * {@link HostResolver} answers its made-up public-looking name, and this context lets the portal read this machine.
 */
@Import(FeedImportJourneyIT.LocalFeeds.class)
@TestPropertySource(properties = "village.directory.import.allow-private-addresses=true")
class FeedImportJourneyIT extends BrowserJourney {

    static final String HOST = "feeds.example.org";

    @Autowired
    JdbcClient jdbc;

    private HttpServer feeds;
    private final CountDownLatch release = new CountDownLatch(1);

    @TestConfiguration
    static class LocalFeeds {
        @Bean
        @Primary
        HostResolver localFeeds() {
            return host -> {
                if (!HOST.equals(host)) {
                    throw new java.net.UnknownHostException(host);
                }
                return List.of(InetAddress.getByName("127.0.0.1"));
            };
        }
    }

    @BeforeEach
    void startFeeds() throws Exception {
        String giles = jdbc.sql("SELECT uuid FROM dir_service WHERE slug = 'st-giles-trust'").query(String.class).single();
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        String published;
        try (var http = HttpClient.newHttpClient()) {
            published = http.send(HttpRequest.newBuilder(URI.create(url("api/oruk/services/" + giles))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        var record = (tools.jackson.databind.node.ObjectNode) json.readTree(published);
        record.put("id", UUID.randomUUID().toString());
        record.put("name", "Fetched Mentoring Project");
        ((tools.jackson.databind.node.ObjectNode) record.get("x_village")).remove("slug");
        byte[] feed = json.createArrayNode().add(record).toString().getBytes(StandardCharsets.UTF_8);

        feeds = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        feeds.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        feeds.createContext("/feed.json", ex -> {
            ex.sendResponseHeaders(200, feed.length);
            ex.getResponseBody().write(feed);
            ex.close();
        });
        // sends the first 64 KB, then waits: long enough to see the progress and stop it
        feeds.createContext("/slow.json", ex -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write(new byte[64 * 1024]);
            ex.getResponseBody().flush();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ex.close();
        });
        feeds.start();
    }

    @AfterEach
    void stopFeeds() {
        release.countDown();
        feeds.stop(0);
    }

    private String feedUrl(String path) {
        return "http://" + HOST + ":" + feeds.getAddress().getPort() + path;
    }

    @Test
    void anAdminImportsFromAWebAddressInTheBackgroundAndCanStopASlowOne() {
        signIn("admin", "quiet-harbour-lamp");
        new DirectoryPages.AdminServices(this).open(); // the page opened directly by its address

        type("Or the feed's web address", feedUrl("/feed.json"));
        DirectoryPages.press(this, "Preview");
        waitForText("Preview: nothing is saved yet. 1 new, 0 changed, 0 unchanged, 0 failed.");
        DirectoryPages.press(this, "Import");
        waitForText("Imported. 1 new, 0 changed, 0 unchanged, 0 failed.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dir_service WHERE name = 'Fetched Mentoring Project'")
                .query(Integer.class).single()).isEqualTo(1);
        assertAccessible();

        // a slow feed: progress shows while it arrives, and the admin stops it
        driver.navigate().refresh(); // the page opened again by reload
        settle();
        waitForText("Import from an Open Referral UK feed");
        type("Or the feed's web address", feedUrl("/slow.json"));
        DirectoryPages.press(this, "Preview");
        waitForText("KB so far");
        assertThat(driver.findElement(By.cssSelector(".feed-fetching progress")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Preview']")).getDomAttribute("disabled"))
                .isNotNull();
        assertAccessible();
        DirectoryPages.press(this, "Stop fetching");
        waitForText("Fetching was stopped. Nothing was imported.");
        assertThat(driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Preview']")).getDomAttribute("disabled"))
                .isNull();
        assertThat(driver.findElements(By.cssSelector(".feed-fetching progress")).stream().noneMatch(e -> e.isDisplayed()))
                .isTrue();
    }
}
