package org.village.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryIntegrationTest;
import org.village.directory.DirectoryService;

/**
 * The Open Referral UK API over real HTTP, without signing in: answers are valid against the ORUK schemas
 * shipped in test resources, filters and paging work, and every answer allows any origin.
 */
class OrukApiIT extends DirectoryIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();

    @LocalServerPort
    int port;
    @Autowired
    DirectoryService directory;


    /** 40 sample services, plus any another test class imported into the shared database. */
    private int total() {
        return directory.count(DirectoryFilter.none());
    }

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String path) throws Exception {
        var response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonSchema schema(String file) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:oruk/schema/" + file), CONFIG);
    }

    private static void assertValid(JsonSchema schema, JsonNode node) {
        assertThat(schema.validate(node)).as(node.path("id").asText()).isEmpty();
    }

    private static void assertPage(JsonNode page, int total, int number, int size) {
        assertThat(page.get("total_items").asInt()).isEqualTo(total);
        assertThat(page.get("page_number").asInt()).isEqualTo(number);
        assertThat(page.get("size").asInt()).isEqualTo(size);
        assertThat(page.get("contents")).hasSize(size);
        assertThat(page.get("first_page").asBoolean()).isEqualTo(number == 1);
        for (String field : List.of("total_pages", "last_page", "empty")) {
            assertThat(page.has(field)).as(field).isTrue();
        }
    }

    @Test
    void aboutSaysWhichStandardItFollows() throws Exception {
        var about = json("/api/oruk/");
        assertThat(about.get("version").asText()).startsWith("3.");
        assertThat(about.has("profile")).isTrue();
    }

    @Test
    void everyServiceInTheListAndInFullIsValidAgainstTheOrukSchema() throws Exception {
        var listSchema = schema("compiled/service_list.json");
        var fullSchema = schema("compiled/service.json");
        var page = json("/api/oruk/services?per_page=100");
        assertPage(page, total(), 1, total());
        for (JsonNode item : page.get("contents")) {
            assertValid(listSchema, item);
            var full = json("/api/oruk/services/" + item.get("id").asText());
            assertValid(fullSchema, full);
            assertThat(full.get("name").asText()).isEqualTo(item.get("name").asText());
        }
        var base = json("/api/oruk/services/" + idOf("BASE"));
        assertThat(base.get("schedules")).hasSize(2);
        assertThat(base.get("service_at_locations").get(0).get("location").get("addresses").get(0)
                .get("postal_code").asText()).isEqualTo("BS2 0EZ");
        assertThat(base.get("attributes")).isNotEmpty();
        assertThat(base.get("contacts").get(0).get("phones").get(0).get("number").asText()).isEqualTo("0117 496 0101");
    }

    /** A change saved on the minute exactly: the seconds must still be written ("…T07:27:00Z"). */
    @Test
    void lastModifiedIsAlwaysAFullRfc3339DateTime() throws Exception {
        String id = idOf("BASE");
        var before = jdbc.sql("SELECT updated_at FROM dir_service WHERE uuid = ?").params(id)
                .query(java.sql.Timestamp.class).single();
        jdbc.sql("UPDATE dir_service SET updated_at = '2026-11-22 07:27:00.000000' WHERE uuid = ?").params(id).update();
        try {
            var full = json("/api/oruk/services/" + id);
            assertThat(full.get("last_modified").asText()).isEqualTo("2026-11-22T07:27:00Z");
            assertValid(schema("compiled/service.json"), full);
        } finally {
            jdbc.sql("UPDATE dir_service SET updated_at = ? WHERE uuid = ?").params(before, id).update();
        }
    }

    @Test
    void taxonomyTermsAreValidAndFilterServices() throws Exception {
        var termSchema = schema("taxonomy_term.json");
        var terms = json("/api/oruk/taxonomy_terms?per_page=100");
        assertPage(terms, 15, 1, 15);
        terms.get("contents").forEach(t -> assertValid(termSchema, t));
        assertValid(schema("taxonomy.json"), json("/api/oruk/taxonomies").get("contents").get(0));

        String siblingTerm = null;
        for (JsonNode t : terms.get("contents")) {
            if ("sibling-support".equals(t.get("term").asText())) {
                siblingTerm = t.get("id").asText();
            }
        }
        var page = json("/api/oruk/services?per_page=100&taxonomy_term_id=" + siblingTerm);
        assertThat(page.get("total_items").asInt()).isBetween(1, total() - 1);
        for (JsonNode item : page.get("contents")) {
            var full = json("/api/oruk/services/" + item.get("id").asText());
            var termIds = new ArrayList<String>();
            full.get("attributes").forEach(a -> termIds.add(a.get("taxonomy_term_id").asText()));
            assertThat(termIds).contains(siblingTerm);
        }
    }

    @Test
    void textAndAgeFiltersNarrowTheList() throws Exception {
        var text = json("/api/oruk/services?text=" + URLEncoder.encode("call in", StandardCharsets.UTF_8));
        assertThat(names(text)).contains("The Call In");
        assertThat(text.get("total_items").asInt()).isLessThan(10);

        // a 5-year-old: services that start at 10 are left out, services for any age stay
        var young = json("/api/oruk/services?per_page=100&minimum_age=5&maximum_age=5");
        assertThat(names(young)).doesNotContain("BASE").contains("Samaritans");
        for (JsonNode s : young.get("contents")) {
            if (s.has("minimum_age")) {
                assertThat(s.get("minimum_age").asInt()).isLessThanOrEqualTo(5);
            }
        }
    }

    @Test
    void pagesDoNotOverlapAndCoverEveryService() throws Exception {
        var seen = new HashSet<String>();
        int total = total();
        int pages = (total + 11) / 12;
        for (int p = 1; p <= pages; p++) {
            var page = json("/api/oruk/services?per_page=12&page=" + p);
            assertPage(page, total, p, p < pages ? 12 : total - 12 * (pages - 1));
            assertThat(page.get("total_pages").asInt()).isEqualTo(pages);
            assertThat(page.get("last_page").asBoolean()).isEqualTo(p == pages);
            page.get("contents").forEach(s -> assertThat(seen.add(s.get("id").asText())).isTrue());
        }
        assertThat(seen).hasSize(total);
        var beyond = json("/api/oruk/services?per_page=12&page=9");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
    }

    @Test
    void badPagingAndUnknownIdsGetClearErrorsNotPages() throws Exception {
        assertThat(get("/api/oruk/services?page=0").statusCode()).isEqualTo(400);
        assertThat(get("/api/oruk/services?per_page=1000").statusCode()).isEqualTo(400);
        assertThat(get("/api/oruk/services?page=abc").statusCode()).isEqualTo(400);
        assertThat(get("/api/oruk/services?minimum_age=-3").statusCode()).isEqualTo(400);
        assertThat(get("/api/oruk/services/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void everyAnswerAllowsAnyOriginWithoutSigningIn() throws Exception {
        for (String path : List.of("/api/oruk/", "/api/oruk/services", "/api/oruk/taxonomies", "/api/oruk/taxonomy_terms",
                "/api/oruk/services/" + idOf("BASE"))) {
            var plain = get(path);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue("*");
            var cross = get(path, "Origin", "https://directory.example.org");
            assertThat(cross.statusCode()).as(path).isEqualTo(200);
            assertThat(cross.headers().allValues("Access-Control-Allow-Origin")).as(path).containsExactly("*");
        }
    }

    private String idOf(String name) throws Exception {
        for (JsonNode s : json("/api/oruk/services?per_page=100").get("contents")) {
            if (s.get("name").asText().equals(name)) {
                return s.get("id").asText();
            }
        }
        throw new AssertionError("No service " + name);
    }

    private static List<String> names(JsonNode page) {
        var names = new ArrayList<String>();
        page.get("contents").forEach(s -> names.add(s.get("name").asText()));
        return names;
    }
}
