package org.village.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: bytes on the wire for a first and a second full page load in the same browser, against a
 * portal that is already running (the README's {@code ./mvnw spring-boot:run}, or the production jar).
 * Counts Chrome's DevTools events: the sum of {@code Network.loadingFinished.encodedDataLength} (headers and
 * compressed body of every response, 304s included; files the browser takes from its cache cost nothing).
 *
 * Run: scripts/bench-page-weight.sh [base URL] [pages...] (default http://127.0.0.1:8080 and "/").
 */
public final class PageWeightBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0].replaceAll("/$", "") : "http://127.0.0.1:8080";
        List<String> pages = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("/");
        for (String page : pages) {
            var driver = browser();
            try {
                var first = load(driver, base + page);
                var second = load(driver, base + page);
                var third = load(driver, base + "/help-now");
                System.out.printf("%s: first load %.0f KB in %d responses; second load %.0f KB in %d responses"
                                + " (%d answered 304); then /help-now %.0f KB%n",
                        page, first.bytes / 1024.0, first.responses, second.bytes / 1024.0, second.responses,
                        second.notModified, third.bytes / 1024.0);
                System.out.println("  largest on the first load: " + first.largest);
                System.out.println("  largest on the second load: " + second.largest);
            } finally {
                driver.quit();
            }
        }
    }

    record Load(long bytes, int responses, int notModified, String largest) {
    }

    private static Load load(ChromeDriver driver, String url) throws Exception {
        driver.manage().logs().get(LogType.PERFORMANCE); // forget what came before
        driver.get(url);
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
        Thread.sleep(1500); // lazy chunks and the icon arrive after "settled"; a benchmark, not a test
        Map<String, String> urls = new HashMap<>();
        Map<String, Integer> status = new HashMap<>();
        long bytes = 0;
        int responses = 0;
        int notModified = 0;
        Map<String, Long> sizes = new HashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(entry.getMessage()).path("message");
            String method = message.path("method").asString();
            JsonNode params = message.path("params");
            String id = params.path("requestId").asString();
            switch (method) {
                case "Network.requestWillBeSent" -> urls.put(id, params.path("request").path("url").asString());
                case "Network.responseReceived" -> status.put(id, params.path("response").path("status").asInt());
                case "Network.loadingFinished" -> {
                    if (!urls.getOrDefault(id, "").startsWith("http")) {
                        break; // the browser's own pages and fonts (chrome://), not the portal's
                    }
                    long n = params.path("encodedDataLength").asLong();
                    bytes += n;
                    responses++;
                    if (Integer.valueOf(304).equals(status.get(id))) {
                        notModified++;
                    }
                    sizes.merge(urls.getOrDefault(id, id).replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "?…"), n, Long::sum);
                }
                default -> { }
            }
        }
        String largest = String.join(", ", sizes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(4).map(e -> e.getKey() + " " + e.getValue() / 1024 + " KB").toList());
        return new Load(bytes, responses, notModified, largest);
    }

    private static ChromeDriver browser() throws Exception {
        var logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        return org.village.e2e.Browsers.start(1280, 900, options -> options.setCapability("goog:loggingPrefs", logs));
    }
}
