package org.village.shared.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.village.IntegrationTest;

/**
 * Everything under /api/ answers errors in JSON, whatever the client asked for: unknown addresses are a JSON 404
 * (not the portal's HTML page, not a sign-in redirect), bad parameters a 400 naming the parameter, other methods a
 * JSON refusal. Hostile text in the address or a parameter never comes back as markup.
 */
class ApiErrorsIT extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode jsonError(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("<html", "<!doctype", "Exception", "\tat ");
        var body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }

    @Test
    void unknownApiAddressesAreAJsonNotFoundEvenForABrowser() throws Exception {
        for (String path : List.of("/api/oruk/nope", "/api/nope", "/api/nothing/rooms", "/api", "/api/oruk/services/x/y")) {
            for (String accept : new String[] {null, BROWSER, "application/json"}) {
                var body = jsonError(send("GET", path, accept), 404);
                assertThat(body.get("message").asText()).contains("There is nothing at");
            }
        }
    }

    @Test
    void anUnknownIdIsAJsonNotFound() throws Exception {
        for (String path : List.of("/api/oruk/services/nope", "/api/oruk/service_at_locations/nope",
                "/api/oruk/taxonomies/nope", "/api/oruk/taxonomy_terms/nope", "/api/oruk/schema/nope.json")) {
            jsonError(send("GET", path, BROWSER), 404);
        }
    }

    @Test
    void aBadParameterIsA400ThatNamesItAndSaysWhy() throws Exception {
        record Case(String query, String parameter) {
        }
        for (var c : List.of(new Case("page=0", "page"), new Case("page=abc", "page"), new Case("per_page=101", "per_page"),
                new Case("per_page=-1", "per_page"), new Case("minimum_age=old", "minimum_age"),
                new Case("minimum_age=130", "minimum_age"), new Case("minimum_age=10&maximum_age=5", "maximum_age"),
                new Case("day=Caturday", "day"), new Case("start_time=25:00", "start_time"),
                new Case("start_time=18:00&end_time=09:00", "end_time"), new Case("end_time=5pm", "end_time"))) {
            for (String list : List.of("/api/oruk/services", "/api/oruk/service_at_locations")) {
                var body = jsonError(send("GET", list + "?" + c.query(), BROWSER), 400);
                assertThat(body.get("parameter").asText()).as(c.query()).isEqualTo(c.parameter());
            }
        }
        for (var c : List.of(new Case("postcode=SW1A%201AA", "postcode"), new Case("postcode=not-a-postcode", "postcode"),
                new Case("proximity=500", "proximity"), new Case("postcode=BS5&proximity=far", "proximity"),
                new Case("postcode=BS5&proximity=0", "proximity"), new Case("postcode=BS5&proximity=100001", "proximity"))) {
            var body = jsonError(send("GET", "/api/oruk/service_at_locations?" + c.query(), null), 400);
            assertThat(body.get("parameter").asText()).as(c.query()).isEqualTo(c.parameter());
        }
    }

    @Test
    void anOutOfAreaPostcodeSaysWhereTheDirectoryReaches() throws Exception {
        var body = jsonError(send("GET", "/api/oruk/service_at_locations?postcode=SW1A%201AA&proximity=1000", null), 400);
        assertThat(body.get("message").asText()).contains("SW1A", "BS1", "BS34", "partnership's area");
    }

    @Test
    void otherMethodsAreRefusedInJson() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE")) {
            var response = send(method, "/api/oruk/services", BROWSER);
            assertThat(response.statusCode()).as(method).isIn(403, 405);
            jsonError(response, response.statusCode());
        }
    }

    @Test
    void hostileTextNeverComesBackAsMarkup() throws Exception {
        for (String hostile : List.of("</script><script>alert(1)</script>", "<!--", "\" onmouseover=\"alert(1)",
                "javascript:alert(1)", "\u2028", "\u202e")) {
            String q = java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8);
            var search = send("GET", "/api/oruk/services?search=" + q, BROWSER);
            assertThat(search.statusCode()).isEqualTo(200);
            assertThat(search.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            for (String path : List.of("/api/oruk/services/" + q, "/api/oruk/" + q, "/api/oruk/service_at_locations?postcode=" + q,
                    "/api/oruk/services?day=" + q)) {
                var response = send("GET", path, BROWSER);
                // a blank-looking parameter (U+2028 is a line separator) is treated as not given: an ordinary list
                assertThat(response.statusCode()).as(path).isIn(200, 400, 404);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/json");
                if (response.statusCode() != 200) {
                    jsonError(response, response.statusCode());
                }
                // the id or address may be named back, but only as letters, digits and dashes: never markup or a script link
                assertThat(response.body()).as(path).doesNotContain("<", "onmouseover=", "javascript:", "\u2028");
            }
        }
    }
}
