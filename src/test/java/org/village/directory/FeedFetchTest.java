package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.village.shared.InputProblem;

/**
 * {@link FeedFetcher} (decision 067) against a small HTTP server on 127.0.0.1 only. Made-up names are answered by
 * a test {@link HostResolver}; the address rule here allows 127.0.0.1 (the test server) and refuses every other
 * private address, exactly as the portal refuses all of them.
 */
class FeedFetchTest {

    private static final String FEED = "[{\"id\": \"x\"}]";
    private static final InetAddress LOCAL = address("127.0.0.1");
    /** A documentation address (TEST-NET-3): public-looking, and nothing answers there. */
    private static final InetAddress PUBLIC = address("203.0.113.10");

    private HttpServer server;
    private int port;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Predicate<InetAddress> allowed = a -> a.equals(LOCAL) || FeedFetcher.isPublic(a);

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(LOCAL, 0), 0);
        port = server.getAddress().getPort();
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
            hits.computeIfAbsent("host " + ex.getRequestHeaders().getFirst("Host"), k -> new AtomicInteger())
                    .incrementAndGet();
            switch (path) {
                case "/feed.json" -> send(ex, 200, FEED.getBytes(StandardCharsets.UTF_8));
                case "/moved" -> redirect(ex, "/feed.json");
                case "/to-private" -> redirect(ex, "http://10.0.0.7/feed.json");
                case "/to-private-name" -> redirect(ex, "http://intranet.example.test/feed.json");
                case "/loop" -> redirect(ex, "/loop");
                case "/big" -> send(ex, 200, new byte[2_000]);
                case "/big-unannounced" -> {
                    ex.sendResponseHeaders(200, 0); // chunked: no size given
                    ex.getResponseBody().write(new byte[2_000]);
                    ex.close();
                }
                case "/slow" -> {
                    ex.sendResponseHeaders(200, 0);
                    ex.getResponseBody().write("[".getBytes(StandardCharsets.UTF_8));
                    ex.getResponseBody().flush();
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    ex.close();
                }
                default -> send(ex, 500, new byte[0]);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stopServer() {
        release.countDown();
        server.stop(0);
    }

    private static void send(com.sun.net.httpserver.HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    private static void redirect(com.sun.net.httpserver.HttpExchange ex, String to) throws IOException {
        ex.getResponseHeaders().add("Location", to);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    /** Answers made-up names from a table of answers, one per lookup, and counts the lookups. */
    private static final class ScriptedResolver implements HostResolver {
        final Map<String, List<InetAddress>> answers = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

        ScriptedResolver answer(String host, InetAddress... inTurn) {
            answers.put(host, new ArrayList<>(List.of(inTurn)));
            return this;
        }

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            lookups.computeIfAbsent(host, k -> new AtomicInteger()).incrementAndGet();
            var list = answers.get(host);
            if (list == null || list.isEmpty()) {
                throw new UnknownHostException(host);
            }
            // the first answer is used up; a later lookup gets the next one (how DNS rebinding works)
            return List.of(list.size() > 1 ? list.removeFirst() : list.getFirst());
        }

        int lookups(String host) {
            return lookups.getOrDefault(host, new AtomicInteger()).get();
        }
    }

    private FeedFetcher fetcher(HostResolver resolver) {
        return new FeedFetcher(resolver, allowed, new FeedFetcher.Limits(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(5), 1_000, 3));
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + port + path;
    }

    @Test
    void aFeedIsReadFromTheCheckedAddressWithTheNameInTheHostHeader() {
        var resolver = new ScriptedResolver().answer("feeds.example.org", LOCAL);
        var seen = new ArrayList<Long>();

        String text = fetcher(resolver).fetch(url("feeds.example.org", "/feed.json"), (bytes, expected) -> seen.add(bytes),
                new FeedFetcher.Stop());

        assertThat(text).isEqualTo(FEED);
        assertThat(hits.get("host feeds.example.org:" + port)).hasValue(1);
        assertThat(seen).startsWith(0L).endsWith((long) FEED.length());
    }

    @Test
    void aNameIsLookedUpOnceSoRebindingToThisMachineCannotHappen() {
        // first a public address, then (were it asked again) 127.0.0.1, where the test server listens
        var resolver = new ScriptedResolver().answer("rebind.example.org", PUBLIC, LOCAL);

        assertThatThrownBy(() -> fetcher(resolver).fetch(url("rebind.example.org", "/feed.json"),
                FeedFetcher.Progress.NONE, new FeedFetcher.Stop()))
                .isInstanceOf(InputProblem.class);

        assertThat(resolver.lookups("rebind.example.org")).isEqualTo(1);
        assertThat(hits).doesNotContainKey("/feed.json"); // it went to the public address it checked, not here
    }

    @Test
    void aNameThatAnswersWithAPrivateAddressIsRefusedBeforeAnyConnection() {
        var resolver = new ScriptedResolver().answer("sneaky.example.org", address("192.168.1.20"));

        assertThatThrownBy(() -> fetcher(resolver).fetch(url("sneaky.example.org", "/feed.json"),
                FeedFetcher.Progress.NONE, new FeedFetcher.Stop()))
                .isInstanceOf(InputProblem.class).hasMessageContaining("private network");
    }

    @Test
    void redirectsAreFollowedAFewTimesAndEachIsChecked() {
        var resolver = new ScriptedResolver().answer("feeds.example.org", LOCAL)
                .answer("intranet.example.test", address("10.1.2.3"));
        var fetcher = fetcher(resolver);

        assertThat(fetcher.fetch(url("feeds.example.org", "/moved"), FeedFetcher.Progress.NONE, new FeedFetcher.Stop()))
                .isEqualTo(FEED);
        assertThatThrownBy(() -> fetcher.fetch(url("feeds.example.org", "/to-private"), FeedFetcher.Progress.NONE,
                new FeedFetcher.Stop())).isInstanceOf(InputProblem.class).hasMessageContaining("private network");
        assertThatThrownBy(() -> fetcher.fetch(url("feeds.example.org", "/to-private-name"), FeedFetcher.Progress.NONE,
                new FeedFetcher.Stop())).isInstanceOf(InputProblem.class).hasMessageContaining("private network");
        assertThatThrownBy(() -> fetcher.fetch(url("feeds.example.org", "/loop"), FeedFetcher.Progress.NONE,
                new FeedFetcher.Stop())).isInstanceOf(InputProblem.class).hasMessageContaining("too many times");
        assertThat(hits.get("/loop")).hasValue(4); // the first request and three redirects, no more
        assertThatThrownBy(() -> fetcher.fetch(url("feeds.example.org", "/broken"), FeedFetcher.Progress.NONE,
                new FeedFetcher.Stop())).isInstanceOf(InputProblem.class).hasMessageContaining("(500)");
    }

    @Test
    void aFeedOverTheSizeLimitIsRefusedWhetherOrNotItsSizeWasAnnounced() {
        var resolver = new ScriptedResolver().answer("feeds.example.org", LOCAL);

        for (String path : List.of("/big", "/big-unannounced")) {
            assertThatThrownBy(() -> fetcher(resolver).fetch(url("feeds.example.org", path), FeedFetcher.Progress.NONE,
                    new FeedFetcher.Stop())).as(path).isInstanceOf(InputProblem.class)
                    .hasMessageContaining("Please import it in parts");
        }
    }

    @Test
    void aSiteThatGoesQuietIsGivenUpOnInBoundedTime() {
        var resolver = new ScriptedResolver().answer("feeds.example.org", LOCAL);
        long started = System.nanoTime();

        assertThatThrownBy(() -> fetcher(resolver).fetch(url("feeds.example.org", "/slow"), FeedFetcher.Progress.NONE,
                new FeedFetcher.Stop())).isInstanceOf(InputProblem.class).hasMessageContaining("did not answer in time");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stoppingClosesTheConnectionAtOnce() throws Exception {
        var resolver = new ScriptedResolver().answer("feeds.example.org", LOCAL);
        var stop = new FeedFetcher.Stop();
        var patient = new FeedFetcher(resolver, allowed, new FeedFetcher.Limits(Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofSeconds(30), 1_000, 3));
        var started = new CountDownLatch(1);
        var outcome = new java.util.concurrent.CompletableFuture<Throwable>();
        Thread.ofVirtual().start(() -> {
            try {
                patient.fetch(url("feeds.example.org", "/slow"), (bytes, expected) -> started.countDown(), stop);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        stop.stop();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InputProblem.class)
                .hasMessageContaining("stopped");
    }

    @Test
    void addressesThatAreNotPublicAreKnown() {
        for (String a : List.of("127.0.0.1", "10.1.2.3", "172.16.5.4", "192.168.0.1", "169.254.169.254", "0.0.0.0",
                "100.64.0.1", "::1", "fd00::1", "fe80::1", "224.0.0.1", "255.255.255.255", "::ffff:127.0.0.1")) {
            assertThat(FeedFetcher.isPublic(address(a))).as(a).isFalse();
        }
        for (String a : List.of("203.0.113.10", "8.8.8.8", "2001:4860:4860::8888")) {
            assertThat(FeedFetcher.isPublic(address(a))).as(a).isTrue();
        }
    }
}
