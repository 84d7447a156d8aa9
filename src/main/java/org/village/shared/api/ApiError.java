package org.village.shared.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** The JSON body of every error under {@code /api/}. Messages are written for the person reading them. */
public final class ApiError {

    /** Every path the JSON APIs live under. */
    public static final String PREFIX = "/api/";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiError() {
    }

    public static Map<String, Object> body(HttpStatus status, String parameter, String message) {
        var map = new LinkedHashMap<String, Object>();
        map.put("status", status.value());
        map.put("error", status.getReasonPhrase());
        if (parameter != null) {
            map.put("parameter", parameter);
        }
        map.put("message", message);
        return map;
    }

    /** A response that is JSON whatever the request's Accept header said (so never an HTML page). */
    public static ResponseEntity<Map<String, Object>> of(HttpStatus status, String parameter, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(body(status, parameter, message));
    }

    /** Writes the error straight to a servlet response, for places outside Spring MVC (filters, security). */
    public static void write(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.writeValueAsString(body(status, null, message)));
    }

    /** The JSON 404 for an address under /api/ that nothing answers (undeclared, or unknown inside an API). */
    public static void writeNotFound(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(response, HttpStatus.NOT_FOUND, nothingAt(request));
    }

    static String nothingAt(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String shown = path.length() > 80 ? path.substring(0, 80) + "…" : path;
        return "There is nothing at " + shown.replaceAll("[^A-Za-z0-9/_.\\-…]", "") + ". The Open Referral UK API"
                + " starts at /api/oruk/.";
    }

    /** True for requests to a JSON API. */
    public static boolean isApi(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX) || path.equals("/api");
    }
}
