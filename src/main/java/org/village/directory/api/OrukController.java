package org.village.directory.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.village.directory.ApiQuery;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceDetail;
import org.village.directory.Term;
import org.village.shared.InputProblem;

/**
 * Open Referral UK (HSDS 3.0, UK profile) read-only endpoints, exactly as described by {@code oruk/openapi.json},
 * which is served at {@code /api/oruk/openapi.json} with the profile's schemas beside it. Parameters are read as
 * text and checked here so that a wrong one gets a 400 naming it (errors: {@code shared.api}); every answer carries
 * {@code Access-Control-Allow-Origin: *} ({@link OrukCorsFilter}).
 */
@RestController
@RequestMapping("/api/oruk")
@CrossOrigin(origins = "*", methods = {RequestMethod.GET})
class OrukController {

    static final int MAX_PER_PAGE = 100;
    static final int DEFAULT_PER_PAGE = 50;
    static final String PROFILE = "https://openreferraluk.org/";

    private static final Set<String> SCHEMAS = Set.of("accessibility", "address", "attribute", "contact",
            "cost_option", "funding", "language", "location", "organization", "organization_identifier", "phone",
            "schedule", "service", "service_area", "service_at_location", "taxonomy", "taxonomy_term");
    private static final Set<String> COMPILED = Set.of("organization", "organization_list", "organization_package",
            "service", "service_at_location", "service_at_location_list", "service_at_location_package", "service_list",
            "service_package", "service_with_definitions");

    private final DirectoryService directory;

    OrukController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping({"", "/"})
    ResponseEntity<Map<String, Object>> about(HttpServletRequest request) {
        String openapi = ServletUriComponentsBuilder.fromContextPath(request).path("/api/oruk/openapi.json").toUriString();
        return json(Map.of("version", "3.0", "profile", PROFILE, "openapi_url", openapi));
    }

    @GetMapping("/openapi.json")
    ResponseEntity<byte[]> openapi() {
        return file("oruk/openapi.json");
    }

    @GetMapping("/schema/{name}.json")
    ResponseEntity<byte[]> schema(@PathVariable String name) {
        if (!SCHEMAS.contains(name)) {
            throw notFound("schema", name);
        }
        return file("oruk/schema/" + name + ".json");
    }

    @GetMapping("/schema/compiled/{name}.json")
    ResponseEntity<byte[]> compiledSchema(@PathVariable String name) {
        if (!COMPILED.contains(name)) {
            throw notFound("schema", name);
        }
        return file("oruk/schema/compiled/" + name + ".json");
    }

    @GetMapping("/services")
    ResponseEntity<Map<String, Object>> services(@RequestParam Map<String, String> params) {
        var paging = Paging.of(params);
        var query = query(params, false);
        if (query == null) {
            return json(OrukJson.page(List.of(), 0, paging.page(), paging.perPage()));
        }
        int total = directory.apiCount(query);
        var contents = paging.past(total) ? List.<Map<String, Object>>of()
                : directory.apiSearch(query, paging.offset(), paging.perPage()).stream().map(OrukJson::summary).toList();
        return json(OrukJson.page(contents, total, paging.page(), paging.perPage()));
    }

    @GetMapping("/services/{id}")
    ResponseEntity<Map<String, Object>> service(@PathVariable String id) {
        // a withdrawn service is gone from the published directory, as if it had never been listed
        return json(directory.byUuid(id).filter(s -> !s.withdrawn()).map(OrukJson::service)
                .orElseThrow(() -> notFound("service", id)));
    }

    @GetMapping("/service_at_locations")
    ResponseEntity<Map<String, Object>> serviceAtLocations(@RequestParam Map<String, String> params) {
        var paging = Paging.of(params);
        var query = query(params, true);
        if (query == null) {
            return json(OrukJson.page(List.of(), 0, paging.page(), paging.perPage()));
        }
        int total = directory.apiLocationCount(query);
        var contents = paging.past(total) ? List.<Map<String, Object>>of()
                : directory.apiLocations(query, paging.offset(), paging.perPage()).stream()
                        .map(OrukJson::locationListItem).toList();
        return json(OrukJson.page(contents, total, paging.page(), paging.perPage()));
    }

    @GetMapping("/service_at_locations/{id}")
    ResponseEntity<Map<String, Object>> serviceAtLocation(@PathVariable String id) {
        return json(directory.byLocationUuid(id).filter(s -> !s.withdrawn() && s.address() != null)
                .map(OrukJson::serviceAtLocation).orElseThrow(() -> notFound("service at location", id)));
    }

    @GetMapping("/taxonomies")
    ResponseEntity<Map<String, Object>> taxonomies(@RequestParam Map<String, String> params) {
        return json(slice(List.of(OrukJson.taxonomy()), Paging.of(params)));
    }

    @GetMapping("/taxonomies/{id}")
    ResponseEntity<Map<String, Object>> taxonomy(@PathVariable String id) {
        if (!OrukJson.TAXONOMY_ID.equals(id)) {
            throw notFound("taxonomy", id);
        }
        return json(OrukJson.taxonomy());
    }

    @GetMapping("/taxonomy_terms")
    ResponseEntity<Map<String, Object>> terms(@RequestParam Map<String, String> params) {
        // a few dozen terms at most: the whole taxonomy is one small query
        return json(slice(directory.terms().stream().map(OrukJson::term).toList(), Paging.of(params)));
    }

    @GetMapping("/taxonomy_terms/{id}")
    ResponseEntity<Map<String, Object>> term(@PathVariable String id) {
        return json(directory.terms().stream().filter(t -> t.uuid().equals(id)).findFirst().map(OrukJson::term)
                .orElseThrow(() -> notFound("taxonomy term", id)));
    }

    // ---- parameters ----

    /** The search the parameters ask for, or null when they can match nothing (another taxonomy's id). */
    private ApiQuery query(Map<String, String> p, boolean locations) {
        String taxonomyId = blank(p.get("taxonomy_id"));
        if (taxonomyId != null && !taxonomyId.equals(OrukJson.TAXONOMY_ID)) {
            return null;
        }
        String text = p.containsKey("text") ? blank(p.get("text")) : blank(p.get("search"));
        if (text != null && text.length() > 200) {
            throw new InputProblem(p.containsKey("text") ? "text" : "search", "Please keep the search to 200 characters.");
        }
        return new ApiQuery(text, blank(p.get("taxonomy_term_id")), taxonomyId != null,
                whole(p, "minimum_age", "a whole number of years from 0 to 120"),
                whole(p, "maximum_age", "a whole number of years from 0 to 120"), day(p.get("day")),
                time(p, "start_time"), time(p, "end_time"), locations ? blank(p.get("postcode")) : null,
                locations ? whole(p, "proximity", "a whole number of metres from 1 to " + ApiQuery.MAX_PROXIMITY) : null);
    }

    private static Integer whole(Map<String, String> p, String name, String rule) {
        String v = blank(p.get(name));
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            throw new InputProblem(name, name + " must be " + rule + ".");
        }
    }

    private static DayOfWeek day(String value) {
        String v = blank(value);
        if (v == null) {
            return null;
        }
        String upper = v.toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(upper) && upper.length() >= 2 && (upper.length() == 2 || upper.equals(d.name()))) {
                return d;
            }
        }
        throw new InputProblem("day", "day must be a day of the week: MO, TU, WE, TH, FR, SA or SU (or its name, like Monday).");
    }

    private static LocalTime time(Map<String, String> p, String name) {
        String v = blank(p.get(name));
        if (v == null) {
            return null;
        }
        try {
            if (!v.matches("^\\d{2}:\\d{2}(:\\d{2})?$")) {
                throw new DateTimeParseException(v, v, 0);
            }
            return LocalTime.parse(v);
        } catch (DateTimeParseException e) {
            throw new InputProblem(name, name + " must be a time of day like 18:30 (24-hour clock).");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** page and per_page, checked: a page past the end is allowed (and empty), a huge per_page is not. */
    record Paging(int page, int perPage) {
        static Paging of(Map<String, String> p) {
            int page = number(p.get("page"), 1, "page", "page must be a whole number, 1 or more.", n -> n >= 1);
            int perPage = number(p.get("per_page"), DEFAULT_PER_PAGE, "per_page",
                    "per_page must be a whole number from 1 to " + MAX_PER_PAGE + ".", n -> n >= 1 && n <= MAX_PER_PAGE);
            return new Paging(page, perPage);
        }

        private static int number(String value, int fallback, String name, String rule,
                                  java.util.function.IntPredicate ok) {
            String v = blank(value);
            if (v == null) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (ok.test(n)) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // falls through to the kind message
            }
            throw new InputProblem(name, rule);
        }

        int offset() {
            return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * perPage);
        }

        boolean past(int total) {
            return (long) (page - 1) * perPage >= total;
        }
    }

    private static Map<String, Object> slice(List<Map<String, Object>> all, Paging paging) {
        var slice = paging.past(all.size()) ? List.<Map<String, Object>>of()
                : all.subList(paging.offset(), Math.min(all.size(), paging.offset() + paging.perPage()));
        return OrukJson.page(slice, all.size(), paging.page(), paging.perPage());
    }

    // ---- answers ----

    /** JSON whatever the Accept header asked for: this API has nothing else to give. */
    private static ResponseEntity<Map<String, Object>> json(Map<String, Object> body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static ResponseEntity<byte[]> file(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePublic()).body(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static ResponseStatusException notFound(String what, String id) {
        String shown = id == null ? "" : id.replaceAll("[^A-Za-z0-9_-]", "");
        shown = shown.substring(0, Math.min(60, shown.length()));
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No " + what + " with id " + shown + ".");
    }
}
