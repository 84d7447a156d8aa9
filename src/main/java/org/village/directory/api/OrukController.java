package org.village.directory.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.village.directory.DirectoryService;
import org.village.directory.Term;
import org.village.shared.InputProblem;

/**
 * Open Referral UK read-only endpoints. Every answer carries {@code Access-Control-Allow-Origin: *}, also
 * without an Origin header, because the UK compliance checker and other directories read it from anywhere.
 */
@RestController
@RequestMapping(value = "/api/oruk", produces = "application/json")
@CrossOrigin(origins = "*", methods = {org.springframework.web.bind.annotation.RequestMethod.GET})
class OrukController {

    static final int MAX_PER_PAGE = 100;

    private final DirectoryService directory;

    OrukController(DirectoryService directory) {
        this.directory = directory;
    }

    @GetMapping({"", "/"})
    ResponseEntity<Map<String, Object>> about() {
        return ok(Map.of("version", "3.0", "profile", "https://openreferraluk.org",
                "openapi_url", "https://raw.githubusercontent.com/OpenReferralUK/uk-profile/main/schema/openapi.json"));
    }

    @GetMapping("/services")
    ResponseEntity<Map<String, Object>> services(@RequestParam(required = false) String text,
                                                 @RequestParam(required = false) String search,
                                                 @RequestParam(name = "taxonomy_term_id", required = false) String termId,
                                                 @RequestParam(name = "taxonomy_id", required = false) String taxonomyId,
                                                 @RequestParam(name = "minimum_age", required = false) Integer minAge,
                                                 @RequestParam(name = "maximum_age", required = false) Integer maxAge,
                                                 @RequestParam(defaultValue = "1") int page,
                                                 @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InputProblem("page", "page must be 1 or more and per_page between 1 and " + MAX_PER_PAGE);
        }
        String words = text != null ? text : search;
        if (taxonomyId != null && !taxonomyId.equals(OrukJson.TAXONOMY_ID)) {
            return ok(OrukJson.page(List.of(), 0, page, perPage));
        }
        int total = directory.countRange(words, termId, minAge, maxAge);
        var contents = directory.searchRange(words, termId, minAge, maxAge, (page - 1) * perPage, perPage).stream()
                .map(s -> OrukJson.summary(s, s.organization())).toList();
        return ok(OrukJson.page(contents, total, page, perPage));
    }

    @GetMapping("/services/{id}")
    ResponseEntity<Map<String, Object>> service(@PathVariable String id) {
        // a withdrawn service is gone from the published directory, as if it had never been listed
        return directory.byUuid(id).filter(s -> !s.withdrawn()).map(s -> ok(OrukJson.service(s)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "No service with id " + safe(id)));
    }

    @GetMapping("/taxonomies")
    ResponseEntity<Map<String, Object>> taxonomies(@RequestParam(defaultValue = "1") int page,
                                                   @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        var list = page == 1 ? List.of(OrukJson.taxonomy()) : List.<Map<String, Object>>of();
        return ok(OrukJson.page(list, 1, page, Math.max(1, perPage)));
    }

    @GetMapping("/taxonomies/{id}")
    ResponseEntity<Map<String, Object>> taxonomy(@PathVariable String id) {
        return OrukJson.TAXONOMY_ID.equals(id) ? ok(OrukJson.taxonomy())
                : error(HttpStatus.NOT_FOUND, "No taxonomy with id " + safe(id));
    }

    @GetMapping("/taxonomy_terms")
    ResponseEntity<Map<String, Object>> terms(@RequestParam(defaultValue = "1") int page,
                                              @RequestParam(name = "per_page", defaultValue = "50") int perPage) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InputProblem("page", "page must be 1 or more and per_page between 1 and " + MAX_PER_PAGE);
        }
        // a few dozen terms at most: the whole taxonomy is one small query
        List<Term> all = directory.terms();
        var slice = all.stream().skip((long) (page - 1) * perPage).limit(perPage).map(OrukJson::term).toList();
        return ok(OrukJson.page(slice, all.size(), page, perPage));
    }

    @GetMapping("/taxonomy_terms/{id}")
    ResponseEntity<Map<String, Object>> term(@PathVariable String id) {
        return directory.terms().stream().filter(t -> t.uuid().equals(id)).findFirst().map(t -> ok(OrukJson.term(t)))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "No taxonomy term with id " + safe(id)));
    }

    @ExceptionHandler(InputProblem.class)
    ResponseEntity<Map<String, Object>> badInput(InputProblem problem) {
        return error(HttpStatus.BAD_REQUEST, problem.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badNumber(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, safe(e.getName()) + " must be a whole number");
    }

    private static <T> ResponseEntity<T> ok(T body) {
        return ResponseEntity.ok().header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*").body(body);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .body(Map.of("status", status.value(), "message", message));
    }

    private static String safe(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z0-9_-]", "").substring(0, Math.min(60, s.replaceAll("[^A-Za-z0-9_-]", "").length()));
    }
}
