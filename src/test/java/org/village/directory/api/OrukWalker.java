package org.village.directory.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Walks an OpenAPI file the way the Open Referral UK validator does and collects every disagreement between the
 * file and the server, instead of stopping at the first: each GET path answers 2xx JSON; lists are walked on their
 * first, middle and last page and past the end; list items and single objects are validated against the schemas
 * the file points to (fetched from the server, relative to the file's own address); every documented parameter must
 * have a check in {@link #probes} and the check must pass (accepted, and actually narrows or orders the list).
 */
final class OrukWalker {

    /** What a documented parameter must do to a list: returns a problem, or null when it behaves. */
    interface Probe extends BiFunction<String, JsonNode, String> {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final URI fileUri;
    private final JsonNode file;
    final Map<String, Probe> probes = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();
    final Map<String, List<String>> ids = new HashMap<>();

    OrukWalker(String base, URI fileUri, JsonNode file) {
        this.base = base;
        this.fileUri = fileUri;
        this.file = file;
    }

    /** Runs every check; {@link #problems} says what disagreed. */
    OrukWalker walk() {
        var paths = file.path("paths");
        // collections first (they give the ids), then the paths with {id}
        for (var names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (!path.contains("{") && paths.get(path).has("get")) {
                collection(path, paths.get(path));
            }
        }
        for (var names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (path.contains("{") && paths.get(path).has("get")) {
                single(path, paths.get(path));
            }
        }
        return this;
    }

    private void collection(String path, JsonNode item) {
        var op = item.get("get");
        var response = get(path);
        if (response == null) {
            return;
        }
        var schema = responseSchema(op);
        if (!isList(schema)) {
            validate(path, schema, response);
            return;
        }
        var first = response;
        checkPage(path, schema, first, 1);
        var found = new ArrayList<String>();
        first.path("contents").forEach(n -> found.add(n.path("id").asText()));
        int pages = first.path("total_pages").asInt();
        for (int p : new int[] {pages / 2, pages}) {
            if (p > 1) {
                var page = get(path + "?page=" + p);
                if (page != null) {
                    checkPage(path + "?page=" + p, schema, page, p);
                    page.path("contents").forEach(n -> found.add(n.path("id").asText()));
                }
            }
        }
        var past = get(path + "?page=" + (pages + 1));
        if (past != null && (past.path("size").asInt(-1) != 0 || !past.path("empty").asBoolean()
                || !past.path("last_page").asBoolean())) {
            problems.add(path + ": a page past the end is not an empty last page: " + past);
        }
        ids.put(path, found);
        for (JsonNode parameter : parameters(item, op)) {
            if ("query".equals(parameter.path("in").asText())) {
                String name = parameter.path("name").asText();
                var probe = probes.get(name);
                if (probe == null) {
                    problems.add(path + ": documented parameter " + name + " has no check");
                } else {
                    String problem = probe.apply(path, first);
                    if (problem != null) {
                        problems.add(path + " " + name + ": " + problem);
                    }
                }
            }
        }
    }

    private void single(String path, JsonNode item) {
        String root = path.substring(0, path.indexOf("/{"));
        var known = ids.getOrDefault(root, List.of());
        if (known.isEmpty()) {
            problems.add(path + ": no ids from " + root + " to try");
            return;
        }
        var schema = responseSchema(item.get("get"));
        for (String id : known.subList(0, Math.min(10, known.size()))) {
            String concrete = path.replaceAll("\\{[^}]+}", URLEncoder.encode(id, StandardCharsets.UTF_8));
            var response = get(concrete);
            if (response != null) {
                validate(concrete, schema, response);
                if (!id.equals(response.path("id").asText())) {
                    problems.add(concrete + ": answers with id " + response.path("id").asText());
                }
            }
        }
        var unknown = request(path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000"));
        if (unknown == null || unknown.statusCode() != 404 || !isJson(unknown)) {
            problems.add(path + ": an unknown id is not a JSON 404");
        }
    }

    private void checkPage(String where, JsonNode schema, JsonNode page, int number) {
        validate(where, schema, page);
        int total = page.path("total_items").asInt();
        int size = page.path("size").asInt();
        int pages = page.path("total_pages").asInt();
        int perPage = perPage(where);
        int expectedPages = (total + perPage - 1) / perPage;
        if (pages != expectedPages) {
            problems.add(where + ": total_pages " + pages + " but " + total + " items at " + perPage + " a page make "
                    + expectedPages);
        }
        if (page.path("page_number").asInt() != number || page.path("first_page").asBoolean() != (number == 1)
                || page.path("last_page").asBoolean() != (number >= pages)
                || page.path("empty").asBoolean() != (size == 0) || page.path("contents").size() != size) {
            problems.add(where + ": page fields do not agree: " + without(page, "contents"));
        }
    }

    private static int perPage(String where) {
        var m = java.util.regex.Pattern.compile("per_page=(\\d+)").matcher(where);
        return m.find() ? Integer.parseInt(m.group(1)) : OrukController.DEFAULT_PER_PAGE;
    }

    private void validate(String where, JsonNode schema, JsonNode body) {
        if (isList(schema)) {
            report(where, SCHEMAS.getSchema(resolve(file.at("/components/schemas/Page")), CONFIG), body);
            var items = schema.at("/properties/contents/items");
            var itemSchema = load(items);
            body.path("contents").forEach(item -> report(where + " " + item.path("id").asText(), itemSchema, item));
        } else {
            report(where, load(schema), body);
        }
    }

    private void report(String where, JsonSchema schema, JsonNode node) {
        var errors = schema.validate(node);
        if (!errors.isEmpty()) {
            problems.add(where + ": " + errors);
        }
    }

    /** A schema from the file: a $ref to a schema file (relative to the file's address) or written inline. */
    private JsonSchema load(JsonNode schema) {
        if (schema.has("$ref") && !schema.get("$ref").asText().startsWith("#")) {
            return SCHEMAS.getSchema(SchemaLocation.of(fileUri.resolve(schema.get("$ref").asText()).toString()), CONFIG);
        }
        return SCHEMAS.getSchema(resolve(schema), CONFIG);
    }

    private JsonNode responseSchema(JsonNode op) {
        var responses = op.path("responses");
        var ok = responses.has("200") ? responses.get("200") : responses.path("default");
        return resolve(ok.at("/content/application~1json/schema"));
    }

    private static boolean isList(JsonNode schema) {
        return schema.at("/properties/contents/items").isObject();
    }

    private List<JsonNode> parameters(JsonNode item, JsonNode op) {
        var list = new ArrayList<JsonNode>();
        item.path("parameters").forEach(p -> list.add(resolve(p)));
        op.path("parameters").forEach(p -> list.add(resolve(p)));
        return list;
    }

    /** Follows a "#/..." reference inside the file. */
    JsonNode resolve(JsonNode node) {
        if (node.has("$ref") && node.get("$ref").asText().startsWith("#/")) {
            return file.at(node.get("$ref").asText().substring(1));
        }
        if (node.has("allOf")) {
            // Page lists: the Page fields are checked separately, the contents through their items
            var copy = (ObjectNode) node.deepCopy();
            return copy;
        }
        return node;
    }

    JsonNode get(String path) {
        var response = request(path);
        if (response == null) {
            return null;
        }
        if (response.statusCode() / 100 != 2 || !isJson(response)) {
            problems.add(path + ": answered " + response.statusCode() + " "
                    + response.headers().firstValue("Content-Type").orElse("") + " " + abbreviate(response.body()));
            return null;
        }
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            problems.add(path + ": not JSON: " + abbreviate(response.body()));
            return null;
        }
    }

    HttpResponse<String> request(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            problems.add(path + ": " + e);
            return null;
        }
    }

    static boolean isJson(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
    }

    private static String without(JsonNode page, String field) {
        var copy = (ObjectNode) page.deepCopy();
        copy.remove(field);
        return copy.toString();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }

    static <T> Iterable<T> iterable(Iterator<T> it) {
        return () -> it;
    }

    static List<String> names(JsonNode page) {
        var names = new ArrayList<String>();
        page.path("contents").forEach(s -> names.add(s.path("name").asText(s.at("/service/name").asText())));
        return names;
    }

    static HashSet<String> idSet(JsonNode page) {
        var set = new HashSet<String>();
        page.path("contents").forEach(n -> set.add(n.path("id").asText()));
        return set;
    }
}
