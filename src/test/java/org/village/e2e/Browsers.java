package org.village.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the journeys, the two-node chat test and the page benchmarks: one set of options, and a
 * {@link ChromeDriver#quit()} that leaves nothing running. {@code quit()} ends the browser's main process, but on this
 * machine kind its renderer and GPU processes sometimes outlived it and kept a core busy under the next tests and
 * benchmarks; each browser gets its own profile folder, so whatever still names that folder after {@code quit()} is
 * this browser's, and is ended, and the folder removed.
 */
public final class Browsers {

    public static final String CHROMIUM = System.getProperty("village.chromium", "/usr/bin/chromium");
    public static final String CHROMEDRIVER = System.getProperty("village.chromedriver", "/usr/bin/chromedriver");

    private Browsers() {
    }

    /** A headless browser of this window size. */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, options -> {
        });
    }

    /** A headless browser of this window size, with more options (e.g. performance logs). */
    public static ChromeDriver start(int width, int height, Consumer<ChromeOptions> more) {
        Path profile;
        try {
            profile = Files.createTempDirectory("village-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile);
        more.accept(options);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new java.io.File(CHROMEDRIVER)).build();
        try {
            return new Tidy(service, options, profile);
        } catch (RuntimeException e) {
            endLeftovers(profile);
            throw e;
        }
    }

    /** A browser whose {@code quit()} also ends what is left of it and removes its profile folder. */
    private static final class Tidy extends ChromeDriver {
        private final Path profile;

        Tidy(ChromeDriverService service, ChromeOptions options, Path profile) {
            super(service, options);
            this.profile = profile;
        }

        @Override
        public void quit() {
            try {
                super.quit();
            } finally {
                endLeftovers(profile);
            }
        }
    }

    /** Ends every process whose command line names this profile folder (at most 5 s), then removes the folder. */
    static void endLeftovers(Path profile) {
        String marker = profile.toString();
        var leftovers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
        leftovers.forEach(ProcessHandle::destroy);
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (ProcessHandle p : leftovers) {
            try {
                p.onExit().get(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                p.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException gone) {
            // already gone, or a file still held: the temp folder is cleaned with the machine
        }
    }
}
