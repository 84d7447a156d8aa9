package org.village.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.village.IntegrationTest;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryService;

/**
 * Not a test (the name matches neither *Test nor *IT, so builds skip it): fills a fresh embedded database up
 * to 5,000 services and prints server-side p50/p95 of directory filter/search (count + first page of 20, as
 * the directory page does) and of {@code GET /api/oruk/services} pages of 50 over HTTP on localhost.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=DirectoryBenchmark -Dskip.e2e=true
 * (results in target/failsafe-reports/org.village.bench.DirectoryBenchmark-output.txt and on the console)
 */
class DirectoryBenchmark extends IntegrationTest {

    private static final int SERVICES = 5_000;
    private static final int ROUNDS = 300;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;
    @LocalServerPort
    int port;

    @Test
    void measure() throws Exception {
        fill();
        // the first text search after services change builds the in-memory word index (all 5,000 services)
        long build0 = System.nanoTime();
        directory.matchText("counselling");
        double buildMs = (System.nanoTime() - build0) / 1e6;
        var filters = List.<Supplier<DirectoryFilter>>of(
                DirectoryFilter::none,
                () -> DirectoryFilter.text("counselling"),
                () -> new DirectoryFilter(null, "parent-support", null, null, null, null),
                () -> new DirectoryFilter(null, null, "east-central", null, 14, null),
                () -> new DirectoryFilter(null, null, null, "BS5 6XX", null, null),
                () -> new DirectoryFilter("drugs", "mental-health", null, "BS3", 15, Instant.now()),
                () -> new DirectoryFilter(null, null, null, null, null, Instant.now()),
                // word search (decision 045): a typo, a common phrase that matches thousands, parents' words
                () -> DirectoryFilter.text("counceling"),
                () -> DirectoryFilter.text("young people"),
                () -> DirectoryFilter.text("mentle health"),
                () -> DirectoryFilter.text("help for my son"));
        var search = new ArrayList<Long>();
        var words = new ArrayList<Long>();
        var byFilter = new ArrayList<List<Long>>();
        filters.forEach(f -> byFilter.add(new ArrayList<>()));
        for (int i = 0; i < ROUNDS + 50; i++) {
            var filter = filters.get(i % filters.size()).get();
            long t0 = System.nanoTime();
            directory.count(filter);
            directory.search(filter, 0, 20);
            if (i >= 50) {
                search.add(System.nanoTime() - t0);
                byFilter.get(i % filters.size()).add(System.nanoTime() - t0);
                if (filter.text() != null) {
                    words.add(System.nanoTime() - t0);
                }
            }
        }
        for (int f = 0; f < filters.size(); f++) {
            System.out.printf("  filter %d %s: p50 %.1f ms, p95 %.1f ms%n", f, filters.get(f).get(), pct(byFilter.get(f), 50),
                    pct(byFilter.get(f), 95));
        }
        var http = HttpClient.newHttpClient();
        int pages = (SERVICES + 49) / 50;
        var api = new ArrayList<Long>();
        for (int i = 0; i < ROUNDS + 50; i++) {
            String query = "/api/oruk/services?per_page=50&page=" + (1 + (i * 7) % pages) + (i % 3 == 0 ? "&text=young" : "");
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + query)).build();
            long t0 = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(query + " -> " + response.statusCode());
            }
            if (i >= 50) {
                api.add(System.nanoTime() - t0);
            }
        }
        // "Services that can help" on a guide page: the needs of a guide category, up to four services
        var needSets = List.of(List.of("missing-from-home", "out-of-hours"), List.of("parent-support", "mental-health"),
                List.of("drugs-and-alcohol", "exploitation-support", "youth-activities"), List.of("education"));
        var forNeeds = new ArrayList<Long>();
        for (int i = 0; i < ROUNDS + 50; i++) {
            long t0 = System.nanoTime();
            directory.forNeeds(needSets.get(i % needSets.size()), 4);
            if (i >= 50) {
                forNeeds.add(System.nanoTime() - t0);
            }
        }
        // a warm rebuild: one service edited (its version moves), then the next text search rebuilds the index
        var rebuilds = new ArrayList<Long>();
        for (int i = 0; i < 5; i++) {
            jdbc.update("UPDATE dir_service SET version = version + 1 WHERE id = (SELECT MIN(id) FROM dir_service)");
            long t0 = System.nanoTime();
            directory.matchText("counselling");
            rebuilds.add(System.nanoTime() - t0);
        }
        System.out.printf("rebuilding the word index after an edit, warm: p50 %.0f ms, max %.0f ms (n=5)%n",
                pct(rebuilds, 50), pct(rebuilds, 100));
        System.out.printf("%nDirectoryBenchmark: %d services, %d rounds each%n", directory.count(DirectoryFilter.none()), ROUNDS);
        System.out.printf("directory filter/search (count + page of 20): p50 %.1f ms, p95 %.1f ms%n", pct(search, 50), pct(search, 95));
        System.out.printf("word search only (text filters, typo-tolerant): p50 %.1f ms, p95 %.1f ms (n=%d)%n", pct(words, 50),
                pct(words, 95), words.size());
        System.out.printf("building the word index for %d services: %.0f ms (once after a change)%n",
                directory.count(DirectoryFilter.none()), buildMs);
        System.out.printf("GET /api/oruk/services page of 50 (HTTP, localhost): p50 %.1f ms, p95 %.1f ms%n", pct(api, 50), pct(api, 95));
        System.out.printf("services for a guide's needs (up to 4): p50 %.1f ms, p95 %.1f ms%n%n", pct(forNeeds, 50), pct(forNeeds, 95));
    }

    /** Adds generated services next to the 40 samples (see {@link BenchServices}). */
    private void fill() {
        BenchServices.fill(jdbc, directory, SERVICES);
    }

    private static double pct(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
