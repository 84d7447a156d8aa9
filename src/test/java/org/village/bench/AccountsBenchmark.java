package org.village.bench;

import org.village.TestAccounts;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.village.Application;
import org.village.security.SessionStamps;
import org.village.security.VillageUser;

/**
 * Not a test: what ending sessions on every node costs (decision 035) and whether sign-in takes as long for
 * unknown names as for real ones (decision 036). In-process, fresh embedded MariaDB, demo profile,
 * 127.0.0.1 only, bounded loops.
 * <ul>
 * <li>the session check's database read on its own (no request to cache it in);</li>
 * <li>a signed-in request against an anonymous one for the same small static file, which passes the whole
 *     security filter chain (the check runs only for the signed-in one);</li>
 * <li>a wrong password for a real name against one for an unknown name.</li>
 * </ul>
 * Run: scripts/bench-accounts.sh
 */
public final class AccountsBenchmark {

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .profiles("demo")
                .properties("village.db.embedded.folder=", "server.port=0", "logging.level.root=WARN",
                        "village.accounts.max-failures-per-address=100000")
                .run();
        try {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            sessionCheck(ctx);
            signedInRequests(port);
            wrongPasswords(ctx, port);
        } finally {
            ctx.close();
        }
    }

    private static void sessionCheck(ConfigurableApplicationContext ctx) {
        var stamps = ctx.getBean(SessionStamps.class);
        var user = (VillageUser) ctx.getBean(UserDetailsService.class).loadUserByUsername("worker.sam");
        for (int i = 0; i < 2_000; i++) {
            stamps.current(user);
        }
        double[] micros = new double[5_000];
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            if (!stamps.current(user)) {
                throw new IllegalStateException("the demo worker's session should be good");
            }
            micros[i] = (System.nanoTime() - t0) / 1_000.0;
        }
        print("session check, one primary-key read (no request cache)", micros, "µs");
    }

    private static void signedInRequests(int port) throws Exception {
        var anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        var signedIn = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var login = signedIn.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=worker.sam&password=green-kettle-morning")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (login.headers().firstValue("Location").orElse("login").contains("login")) {
            throw new IllegalStateException("sign-in failed");
        }
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/village.css")).build();
        int runs = 3_000;
        double[] anon = new double[runs];
        double[] signed = new double[runs];
        for (int i = 0; i < 500; i++) {
            anonymous.send(request, HttpResponse.BodyHandlers.discarding());
            signedIn.send(request, HttpResponse.BodyHandlers.discarding());
        }
        for (int i = 0; i < runs; i++) {
            // alternate, so that both see the same machine load
            anon[i] = time(anonymous, request);
            signed[i] = time(signedIn, request);
        }
        print("GET /village.css, anonymous", anon, "ms");
        print("GET /village.css, signed in (session check included)", signed, "ms");
    }

    private static void wrongPasswords(ConfigurableApplicationContext ctx, int port) throws Exception {
        var jdbc = ctx.getBean(JdbcClient.class);
        int runs = 40;
        for (int i = 0; i < runs; i++) {
            TestAccounts.copy(jdbc, "parent.a", "bench.real." + i, "Bench Real " + i, "PARENT");
        }
        var client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        double[] real = new double[runs];
        double[] unknown = new double[runs];
        for (int i = 0; i < 5; i++) {
            signIn(client, port, "bench.warm." + i);
        }
        for (int i = 0; i < runs; i++) {
            // a new name each time, so no (name, address) pair ever has to wait
            real[i] = signIn(client, port, "bench.real." + i);
            unknown[i] = signIn(client, port, "bench.nobody." + i);
        }
        print("wrong password, real name (POST /login)", real, "ms");
        print("wrong password, unknown name (POST /login)", unknown, "ms");
    }

    private static double signIn(HttpClient client, int port, String name) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + name + "&password=not-the-password")).build();
        long t0 = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
        double ms = (System.nanoTime() - t0) / 1e6;
        if (!response.headers().firstValue("Location").orElse("").endsWith("/login?error")) {
            throw new IllegalStateException("unexpected answer " + response.headers().firstValue("Location"));
        }
        return ms;
    }

    private static double time(HttpClient client, HttpRequest request) throws Exception {
        long t0 = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("status " + response.statusCode());
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void print(String what, double[] values, String unit) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        List<Double> p = new ArrayList<>();
        for (double q : new double[] {0.50, 0.95, 0.99}) {
            p.add(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)]);
        }
        System.out.printf("%-58s p50 %8.3f %s   p95 %8.3f %s   p99 %8.3f %s   (n=%d)%n", what, p.get(0), unit,
                p.get(1), unit, p.get(2), unit, values.length);
    }
}
