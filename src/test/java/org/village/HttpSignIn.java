package org.village;

import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Signing in over plain HTTP, as the sign-in form posts, for tests that need a session without a browser. One
 * client is one browser: it keeps its cookies and never follows redirects, so a test can read where it is sent.
 */
public final class HttpSignIn {

    private HttpSignIn() {
    }

    /** A fresh "browser" calling from a loopback address (127.0.0.1 when null). */
    public static HttpClient client(String fromAddress) {
        try {
            var builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                    .cookieHandler(new CookieManager());
            if (fromAddress != null) {
                builder.localAddress(InetAddress.getByName(fromAddress));
            }
            return builder.build();
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(fromAddress, e);
        }
    }

    /** Posts the sign-in form; returns the response (302, with where the portal sends the browser). */
    public static HttpResponse<Void> post(HttpClient client, int port, String username, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
    }

    /** Where the sign-in sent the browser: a path with its query, such as {@code /login?error} or {@code /}. */
    public static String location(HttpResponse<?> response) {
        var target = URI.create(response.headers().firstValue("Location").orElseThrow());
        return target.getRawQuery() == null ? target.getRawPath() : target.getRawPath() + "?" + target.getRawQuery();
    }

    /** A client signed in with this name and password; fails if the sign-in did not work. */
    public static HttpClient as(String fromAddress, int port, String username, String password) throws Exception {
        var client = client(fromAddress);
        var response = post(client, port, username, password);
        if (response.statusCode() != 302 || location(response).startsWith("/login")) {
            throw new AssertionError("could not sign in as " + username + ": " + response.statusCode() + " "
                    + response.headers().firstValue("Location").orElse(""));
        }
        return client;
    }
}
