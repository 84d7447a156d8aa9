package org.village.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.util.Timeout;
import org.village.shared.InputProblem;

/**
 * Reads an Open Referral UK feed from a web address without opening a hole into the portal's own network
 * (decision 067). Each host name is looked up once through the {@link HostResolver}; every address it gives must
 * be public, and the connection goes to that checked address (Apache HttpClient's {@link DnsResolver} is given
 * only the checked answer), while the Host header and TLS server name stay the name, so certificates are still
 * checked. A second lookup, which DNS rebinding would use to swap in 127.0.0.1, never happens. At most three
 * redirects, each checked the same way; 10 s to connect, 20 s of silence, 2 minutes in all, 5 MB.
 * Problems come back as kind {@link InputProblem}s on the {@code url} field.
 */
public final class FeedFetcher {

    /** How long each part may take, and how big a feed may be. */
    public record Limits(Duration connect, Duration idle, Duration total, int maxBytes, int maxRedirects) {
        public static final Limits STANDARD = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofMinutes(2), DirectoryImport.MAX_BYTES, 3);
    }

    /** Told how far a fetch has got: bytes so far, and the size the site announced (or -1). */
    @FunctionalInterface
    public interface Progress {
        void update(long bytes, long expected);

        Progress NONE = (bytes, expected) -> {
        };
    }

    /** Lets whoever started a fetch stop it; stopping also closes the connection at once. */
    public static final class Stop {
        private final AtomicBoolean stopped = new AtomicBoolean();
        private volatile HttpGet current;

        public void stop() {
            stopped.set(true);
            var request = current;
            if (request != null) {
                request.cancel();
            }
        }

        public boolean stopped() {
            return stopped.get();
        }

        private void watch(HttpGet request) {
            current = request;
            if (stopped()) {
                request.cancel();
            }
        }
    }

    /** Bundle keys of the two messages {@link FeedImports} and the tests name. */
    static final String PRIVATE = "directory.problem.feed.private";
    static final String STOPPED = "directory.problem.feed.stopped";

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        var t = new Thread(r, "feed-fetch-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final HostResolver resolver;
    private final Predicate<InetAddress> allowed;
    private final Limits limits;

    /**
     * @param allowed which looked-up addresses may be used: in the portal, public ones only
     *                ({@link #isPublic}); tests allow 127.0.0.1 too
     */
    public FeedFetcher(HostResolver resolver, Predicate<InetAddress> allowed, Limits limits) {
        this.resolver = resolver;
        this.allowed = allowed;
        this.limits = limits;
    }

    /** Reads the feed at {@code url} as text (UTF-8). */
    public String fetch(String url, Progress progress, Stop stop) {
        URI uri = parse(url);
        var pinned = new ConcurrentHashMap<String, InetAddress[]>();
        var timedOut = new AtomicBoolean();
        var watchdog = WATCHDOG.schedule(() -> {
            timedOut.set(true);
            stop.stop();
        }, limits.total().toMillis(), TimeUnit.MILLISECONDS);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PinnedDns(pinned))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(limits.connect()))
                        .setSocketTimeout(Timeout.of(limits.idle())).build())
                .build();
        try (var client = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
                .disableAutomaticRetries().disableCookieManagement().disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(limits.idle())).build())
                .build()) {
            for (int hop = 0; hop <= limits.maxRedirects(); hop++) {
                check(uri, pinned);
                var request = new HttpGet(uri);
                request.setHeader(HttpHeaders.ACCEPT, "application/json");
                stop.watch(request);
                try (var response = client.executeOpen(null, request, null)) {
                    int status = response.getCode();
                    var location = response.getFirstHeader(HttpHeaders.LOCATION);
                    if (status >= 300 && status < 400 && location != null) {
                        try {
                            uri = uri.resolve(location.getValue().strip());
                        } catch (IllegalArgumentException e) {
                            throw InputProblem.keyed("url", "directory.problem.feed.redirect");
                        }
                        continue;
                    }
                    if (status != 200) {
                        throw InputProblem.keyed("url", "directory.problem.feed.status", String.valueOf(status));
                    }
                    var entity = response.getEntity();
                    if (entity == null) {
                        throw InputProblem.keyed("url", "directory.problem.feed.empty");
                    }
                    long expected = entity.getContentLength();
                    if (expected > limits.maxBytes()) {
                        throw tooBig();
                    }
                    try (var in = entity.getContent()) {
                        return new String(read(in, expected, progress), StandardCharsets.UTF_8);
                    }
                }
            }
            throw InputProblem.keyed("url", "directory.problem.feed.tooManyRedirects");
        } catch (InputProblem p) {
            throw p;
        } catch (IOException | RuntimeException e) {
            if (timedOut.get()) {
                throw InputProblem.keyed("url", "directory.problem.feed.tooSlow",
                        String.valueOf(limits.total().toMinutes()));
            }
            if (stop.stopped()) {
                throw InputProblem.keyed("url", STOPPED);
            }
            if (e instanceof InterruptedIOException) {
                throw InputProblem.keyed("url", "directory.problem.feed.timeout");
            }
            throw InputProblem.keyed("url", "directory.problem.feed.unreachable");
        } finally {
            watchdog.cancel(false);
        }
    }

    private byte[] read(InputStream in, long expected, Progress progress) throws IOException {
        var buffer = new byte[Math.min(limits.maxBytes() + 1, expected > 0 ? (int) expected + 1 : 64 * 1024)];
        int total = 0;
        progress.update(0, expected);
        while (true) {
            if (total == buffer.length) {
                if (total > limits.maxBytes()) {
                    throw tooBig();
                }
                buffer = Arrays.copyOf(buffer, Math.min(limits.maxBytes() + 1, buffer.length * 2));
            }
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
            if (total > limits.maxBytes()) {
                throw tooBig();
            }
            progress.update(total, expected);
        }
        return Arrays.copyOf(buffer, total);
    }

    private InputProblem tooBig() {
        return InputProblem.keyed("url", "directory.problem.feed.tooBig", String.valueOf(limits.maxBytes() / 1_000_000));
    }

    private static URI parse(String url) {
        try {
            var uri = URI.create(url == null ? "" : url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
                throw InputProblem.keyed("url", "directory.problem.feed.https");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw InputProblem.keyed("url", "directory.problem.feed.badAddress");
        }
    }

    /** Looks the host up once; every answer must be allowed, and the connection may use only these answers. */
    private void check(URI uri, Map<String, InetAddress[]> pinned) {
        if (uri.getScheme() == null || !uri.getScheme().matches("(?i)https?") || uri.getHost() == null) {
            throw InputProblem.keyed("url", "directory.problem.feed.redirect");
        }
        String host = hostOf(uri);
        if (pinned.containsKey(host)) {
            return;
        }
        List<InetAddress> addresses;
        try {
            // an address written as numbers needs no lookup (and InetAddress makes none for it)
            addresses = host.contains(":") || host.matches("[0-9.]+") ? List.of(InetAddress.getByName(host))
                    : resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw InputProblem.keyed("url", "directory.problem.feed.unknownHost");
        }
        if (addresses == null || addresses.isEmpty()) {
            throw InputProblem.keyed("url", "directory.problem.feed.unknownHost");
        }
        for (var address : addresses) {
            if (!allowed.test(address)) {
                throw InputProblem.keyed("url", PRIVATE);
            }
        }
        pinned.put(host, addresses.toArray(InetAddress[]::new));
    }

    /** The host as HttpClient will ask for it: lower case, IPv6 without brackets. */
    private static String hostOf(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** A public address: never this machine, a private network, link-local, multicast or reserved. */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (b.length == 16) {
            return (b[0] & 0xfe) != 0xfc; // IPv6 unique local fc00::/7
        }
        int first = b[0] & 0xff;
        return !(first == 100 && (b[1] & 0xc0) == 64 // carrier-grade NAT 100.64.0.0/10
                || first == 0 // "this network" 0.0.0.0/8
                || first == 198 && (b[1] & 0xfe) == 18 // benchmarking 198.18.0.0/15
                || first >= 240); // reserved and broadcast
    }

    /** HttpClient's DNS: answers only with what {@link #check} looked up and allowed, and never looks up again. */
    private record PinnedDns(Map<String, InetAddress[]> pinned) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            var addresses = pinned.get(host.toLowerCase(Locale.ROOT));
            if (addresses == null) {
                throw new UnknownHostException("not checked");
            }
            return addresses.clone();
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    }
}
