package org.village.directory.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.village.directory.DirectoryIntegrationTest;
import org.village.directory.PostcodeCentres;

/**
 * The ORUK API checked the way a council's validator checks it, from the OpenAPI file Village serves: every path
 * answers JSON that matches the schemas, lists page consistently, every documented parameter is accepted and really
 * filters, and the file covers the UK profile and exactly the paths the code serves. {@link OrukWalker} collects
 * disagreements; a doctored copy of the file shows that disagreements are caught.
 */
class OrukConformanceIT extends DirectoryIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    PostcodeCentres centres;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String base() {
        return "http://localhost:" + port + "/api/oruk";
    }

    private OrukWalker walker(JsonNode file) throws Exception {
        var about = new OrukWalker(base(), URI.create(base() + "/"), file).get("/");
        var walker = new OrukWalker(base(), URI.create(about.path("openapi_url").asText()), file);
        addProbes(walker);
        return walker;
    }

    /** The file as served at the openapi_url that "/" gives. */
    private JsonNode servedFile() throws Exception {
        var probe = new OrukWalker(base(), URI.create(base()), JSON.createObjectNode());
        var about = probe.get("/");
        assertThat(probe.problems).isEmpty();
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                URI.create(about.path("openapi_url").asText())).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(OrukWalker.isJson(response)).isTrue();
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        return JSON.readTree(response.body());
    }

    @Test
    void everyPathAnswersJsonMatchingTheSchemasAndEveryParameterFilters() throws Exception {
        var walker = walker(servedFile()).walk();
        assertThat(walker.problems).isEmpty();
        assertThat(walker.ids.get("/services")).isNotEmpty();
        assertThat(walker.ids.get("/service_at_locations")).isNotEmpty();
    }

    @Test
    void theWalkFailsWhenTheFileAndTheCodeDisagree() throws Exception {
        var file = (ObjectNode) servedFile().deepCopy();
        var paths = (ObjectNode) file.get("paths");
        // a path the code does not serve, a parameter the code ignores, and a schema the answers do not match
        paths.set("/organizations", paths.get("/taxonomies").deepCopy());
        ((ArrayNode) paths.at("/~1services/get/parameters")).add(JSON.createObjectNode().put("name", "organization_id")
                .put("in", "query"));
        ((ObjectNode) paths.at("/~1taxonomies~1{id}/get/responses/200/content/application~1json/schema"))
                .put("$ref", "schema/compiled/service.json");
        var walker = walker(file);
        walker.probes.put("organization_id", narrows("organization_id", List.of("00000000-0000-0000-0000-000000000000"), (v, s) -> true));
        walker.walk();
        assertThat(String.join("\n", walker.problems)).contains("/organizations: answered 404")
                .contains("/services organization_id").contains("/taxonomies/");
    }

    @Test
    void theFileDescribesExactlyThePathsTheCodeServes() throws Exception {
        var filePaths = new TreeSet<String>();
        servedFile().get("paths").fieldNames().forEachRemaining(filePaths::add);
        var codePaths = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (method.getBeanType().equals(OrukController.class) && (methods.isEmpty() || methods.contains(RequestMethod.GET))) {
                for (String pattern : info.getPatternValues()) {
                    String path = pattern.substring("/api/oruk".length());
                    // the file itself and the schemas it points to are documented in its description
                    if (!path.equals("/openapi.json") && !path.startsWith("/schema/")) {
                        codePaths.add(path.isEmpty() ? "/" : path);
                    }
                }
            }
        });
        assertThat(codePaths).isEqualTo(filePaths);
    }

    @Test
    void theFileOffersEveryPathAndParameterOfTheUkProfile() throws Exception {
        var profile = JSON.readTree(new ClassPathResource("oruk-profile/uk-profile-openapi.json").getInputStream());
        var ours = servedFile();
        var missing = new ArrayList<String>();
        profile.get("paths").fields().forEachRemaining(e -> {
            var get = e.getValue().get("get");
            if (get == null || get.path("tags").toString().contains("Optional")) {
                return;
            }
            var mine = ours.get("paths").get(e.getKey());
            if (mine == null || !mine.has("get")) {
                missing.add(e.getKey());
                return;
            }
            Set<String> names = new HashSet<>();
            mine.path("parameters").forEach(p -> names.add(name(ours, p)));
            mine.get("get").path("parameters").forEach(p -> names.add(name(ours, p)));
            e.getValue().path("parameters").forEach(p -> check(profile, p, names, e.getKey(), missing));
            get.path("parameters").forEach(p -> check(profile, p, names, e.getKey(), missing));
        });
        assertThat(missing).isEmpty();
    }

    private static void check(JsonNode file, JsonNode p, Set<String> names, String path, List<String> missing) {
        String name = name(file, p);
        if (!names.contains(name)) {
            missing.add(path + " " + name);
        }
    }

    private static String name(JsonNode file, JsonNode p) {
        return p.has("$ref") ? file.at(p.get("$ref").asText().substring(1)).path("name").asText() : p.path("name").asText();
    }

    // ---- what each documented parameter must do ----

    private void addProbes(OrukWalker w) {
        w.probes.put("search", narrows("search", List.of("Barnardo", "Samaritans"), (v, s) -> text(s).contains(lower(v))));
        w.probes.put("text", narrows("text", List.of("Old Market", "call in"), (v, s) -> text(s).contains(lower(v))));
        w.probes.put("minimum_age", narrows("minimum_age", List.of("19", "12"),
                (v, s) -> !s.has("maximum_age") || s.get("maximum_age").asInt() >= Integer.parseInt(v)));
        w.probes.put("maximum_age", narrows("maximum_age", List.of("9", "12"),
                (v, s) -> !s.has("minimum_age") || s.get("minimum_age").asInt() <= Integer.parseInt(v)));
        w.probes.put("day", narrows("day", List.of("SU", "SA", "FR", "TU"),
                (v, s) -> alwaysOpen(s) || schedules(s, h -> h.path("byday").asText().contains(v))));
        w.probes.put("start_time", narrows("start_time", List.of("17:00", "12:00", "10:00"),
                (v, s) -> schedules(s, h -> h.path("opens_at").asText().compareTo(v) >= 0)));
        w.probes.put("end_time", narrows("end_time", List.of("17:00", "18:00", "20:00"), (v, s) -> schedules(s,
                h -> h.path("closes_at").asText().compareTo(v) <= 0
                        && h.path("closes_at").asText().compareTo(h.path("opens_at").asText()) > 0)));
        w.probes.put("taxonomy_term_id", (path, all) -> {
            String sibling = termId("sibling-support");
            return narrows("taxonomy_term_id", List.of(sibling), (v, s) -> s.path("attributes").toString().contains(v))
                    .apply(path, all);
        });
        w.probes.put("taxonomy_id", (path, all) -> {
            var page = get(path + "?per_page=100&taxonomy_id=" + OrukJson.TAXONOMY_ID);
            var other = get(path + "?per_page=100&taxonomy_id=00000000-0000-0000-0000-000000000000");
            if (page.path("total_items").asInt() == 0 || other.path("total_items").asInt() != 0) {
                return "our taxonomy finds " + page.path("total_items") + ", another finds " + other.path("total_items");
            }
            for (JsonNode item : page.get("contents")) {
                if (full(item).path("attributes").isEmpty()) {
                    return item.path("id").asText() + " has no term from the taxonomy";
                }
            }
            return null;
        });
        w.probes.put("page", (path, all) -> {
            var one = get(path + "?per_page=3&page=1");
            var two = get(path + "?per_page=3&page=2");
            if (two.path("page_number").asInt() != 2 || two.path("first_page").asBoolean()) {
                return "page=2 is not the second page";
            }
            var overlap = OrukWalker.idSet(one);
            overlap.retainAll(OrukWalker.idSet(two));
            return all.path("total_items").asInt() > 3 && (two.path("size").asInt() == 0 || !overlap.isEmpty())
                    ? "page 2 repeats page 1 or is empty" : null;
        });
        w.probes.put("per_page", (path, all) -> {
            int total = all.path("total_items").asInt();
            var page = get(path + "?per_page=3");
            if (page.path("size").asInt() != Math.min(3, total) || page.path("total_pages").asInt() != (total + 2) / 3) {
                return "per_page=3 gave " + page.path("size") + " items and " + page.path("total_pages") + " pages";
            }
            var tooMany = new OrukWalker(base(), URI.create(base()), JSON.createObjectNode()).request(path + "?per_page=101");
            return tooMany.statusCode() == 400 && OrukWalker.isJson(tooMany) && tooMany.body().contains("\"parameter\":\"per_page\"")
                    ? null : "per_page=101 is not a 400 naming per_page";
        });
        var bs5 = centres.of("BS5").orElseThrow();
        w.probes.put("postcode", (path, all) -> {
            var near = get(path + "?per_page=100&postcode=BS5");
            var full = get(path + "?per_page=100&postcode=" + URLEncoder.encode("bs5 6xx", StandardCharsets.UTF_8));
            if (near.path("total_items").asInt() == 0 || near.path("total_items").asInt() != full.path("total_items").asInt()) {
                return "BS5 and bs5 6xx find " + near.path("total_items") + " and " + full.path("total_items");
            }
            double last = -1;
            for (JsonNode item : near.get("contents")) {
                if (item.at("/location/latitude").isNumber()) {
                    double d = Distances.metres(bs5.lat(), bs5.lng(), item.at("/location/latitude").asDouble(),
                            item.at("/location/longitude").asDouble());
                    if (d < last - 0.5) {
                        return "not nearest first at " + item.at("/service/name").asText();
                    }
                    last = d;
                }
            }
            var outside = new OrukWalker(base(), URI.create(base()), JSON.createObjectNode()).request(path + "?postcode=SW1A%201AA");
            return outside.statusCode() == 400 && outside.body().contains("\"parameter\":\"postcode\"")
                    ? null : "a London postcode is not a 400 naming postcode";
        });
        w.probes.put("proximity", (path, all) -> {
            var near = get(path + "?per_page=100&postcode=BS5&proximity=1500");
            var any = get(path + "?per_page=100&postcode=BS5");
            int n = near.path("total_items").asInt();
            if (n == 0 || n >= any.path("total_items").asInt()) {
                return "proximity=1500 finds " + n + " of " + any.path("total_items");
            }
            for (JsonNode item : near.get("contents")) {
                double d = Distances.metres(bs5.lat(), bs5.lng(), item.at("/location/latitude").asDouble(),
                        item.at("/location/longitude").asDouble());
                if (d > 1500.5) {
                    return item.at("/service/name").asText() + " is " + Math.round(d) + " m away";
                }
            }
            return null;
        });
    }

    /**
     * The parameter narrows the list (keeps some, not all) for at least one of the values tried, and every service it
     * keeps fits the value. Values are tried in turn because each list holds different services.
     */
    private OrukWalker.Probe narrows(String name, List<String> values, java.util.function.BiPredicate<String, JsonNode> fits) {
        return (path, all) -> {
            int total = all.path("total_items").asInt();
            var tried = new ArrayList<String>();
            for (String value : values) {
                var page = get(path + "?per_page=100&" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
                int n = page.path("total_items").asInt(-1);
                if (n <= 0 || n >= total) {
                    tried.add(value + " keeps " + n + " of " + total);
                    continue;
                }
                for (JsonNode item : page.get("contents")) {
                    var service = full(item);
                    if (!fits.test(value, service)) {
                        return service.path("name").asText() + " does not fit " + name + "=" + value;
                    }
                }
                return null;
            }
            return "no value narrows the list: " + tried;
        };
    }

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private JsonNode get(String path) {
        var walker = new OrukWalker(base(), URI.create(base()), JSON.createObjectNode());
        var node = walker.get(path);
        assertThat(walker.problems).as(path).isEmpty();
        return node;
    }

    /** The whole service behind a list item (a service, or a service at a location). */
    private JsonNode full(JsonNode item) {
        String id = item.has("service_id") ? item.get("service_id").asText() : item.path("id").asText();
        return get("/services/" + id);
    }

    private String termId(String code) {
        for (JsonNode t : get("/taxonomy_terms?per_page=100").get("contents")) {
            if (code.equals(t.path("term").asText())) {
                return t.path("id").asText();
            }
        }
        throw new AssertionError("no term " + code);
    }

    private static String text(JsonNode s) {
        return (s.path("name").asText() + " " + s.path("description").asText() + " " + s.at("/organization/name").asText()
                + " " + s.at("/x_village/for_who").asText()).toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean alwaysOpen(JsonNode s) {
        return s.at("/x_village/always_open").asBoolean();
    }

    private static boolean schedules(JsonNode s, Predicate<JsonNode> any) {
        for (JsonNode h : s.path("schedules")) {
            if (any.test(h)) {
                return true;
            }
        }
        return false;
    }
}
