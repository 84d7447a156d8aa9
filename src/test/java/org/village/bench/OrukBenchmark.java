package org.village.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.village.IntegrationTest;
import org.village.directory.ApiQuery;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryService;
import org.village.directory.internal.ServiceStore;

/**
 * Not a test (the name matches neither *Test nor *IT): fills a fresh embedded database up to 5,000 services (90%
 * with a place in Bristol) and prints, over HTTP on localhost, p50/p95 of
 * {@code GET /api/oruk/service_at_locations?postcode=…&proximity=…} and the time of a full feed walk: every page of
 * every list the API has, at the largest page size and at the default.
 *
 * Run: ./mvnw -B -o test-compile failsafe:integration-test -Dit.test=OrukBenchmark -Dskip.e2e=true
 * (results in target/failsafe-reports/org.village.bench.OrukBenchmark-output.txt and on the console)
 */
class OrukBenchmark extends IntegrationTest {

    private static final int SERVICES = 5_000;
    private static final int ROUNDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DirectoryService directory;
    @Autowired
    ServiceStore store;
    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void measure() throws Exception {
        BenchServices.fill(jdbc, directory, SERVICES);
        store.fillLocationIds();
        String[] districts = {"BS1", "BS5 6XX", "BS7", "BS3", "BS15", "BS10", "BS4 1JP"};
        int[] radii = {1000, 2000, 5000};
        // the three measurements take turns in every round, so that they see the same load and the same warm-up
        var proximity = new ArrayList<Long>();
        var server = new ArrayList<Long>();
        var reference = new ArrayList<Long>();
        long found = 0;
        for (int i = 0; i < ROUNDS + 50; i++) {
            String postcode = districts[i % districts.length];
            int metres = radii[i % radii.length];
            long t0 = System.nanoTime();
            var body = get("/api/oruk/service_at_locations?per_page=50&postcode=" + postcode.replace(" ", "%20")
                    + "&proximity=" + metres);
            long t1 = System.nanoTime();
            // the same search inside the server (count + page of 50), without HTTP and JSON
            var q = new ApiQuery(null, null, false, null, null, null, null, null, postcode, metres);
            directory.apiLocationCount(q);
            directory.apiLocations(q, 0, 50);
            long t2 = System.nanoTime();
            // a reference: the services list that DirectoryBenchmark measures
            get("/api/oruk/services?per_page=50&page=" + (1 + (i * 7) % 100));
            long t3 = System.nanoTime();
            if (i >= 50) {
                proximity.add(t1 - t0);
                server.add(t2 - t1);
                reference.add(t3 - t2);
                found += JSON.readTree(body).get("total_items").asLong();
            }
        }
        System.out.printf("%nOrukBenchmark: %d services, %d located, load average %s%n", directory.count(DirectoryFilter.none()),
                jdbc.queryForObject("SELECT COUNT(*) FROM dir_service WHERE postcode IS NOT NULL", Long.class), load());
        System.out.printf("same searches in the server (count + page of 50): p50 %.1f ms, p95 %.1f ms%n", pct(server, 50),
                pct(server, 95));
        System.out.printf("reference, GET /api/oruk/services page of 50: p50 %.1f ms, p95 %.1f ms%n", pct(reference, 50),
                pct(reference, 95));
        System.out.printf("GET /api/oruk/service_at_locations?postcode&proximity (1-5 km), page of 50: p50 %.1f ms,"
                + " p95 %.1f ms (on average %d services within the distance)%n", pct(proximity, 50), pct(proximity, 95),
                found / ROUNDS);
        for (int perPage : new int[] {100, 50}) {
            for (int run = 1; run <= 2; run++) {
                walk(perPage, run);
            }
        }
    }

    /** Every page of every list, one after another, as a consumer copying the whole feed does. */
    private void walk(int perPage, int run) throws Exception {
        long t0 = System.nanoTime();
        int requests = 0;
        long items = 0;
        for (String list : List.of("/services", "/service_at_locations", "/taxonomies", "/taxonomy_terms")) {
            int pages = 1;
            for (int page = 1; page <= pages; page++) {
                var body = JSON.readTree(get("/api/oruk" + list + "?per_page=" + perPage + "&page=" + page));
                pages = body.get("total_pages").asInt();
                items += body.get("size").asInt();
                requests++;
            }
        }
        System.out.printf("full feed walk, per_page=%d (run %d): %d requests, %d entries, %.2f s%n", perPage, run, requests,
                items, (System.nanoTime() - t0) / 1e9);
    }

    private String get(String path) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double pct(List<Long> nanos, int p) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
