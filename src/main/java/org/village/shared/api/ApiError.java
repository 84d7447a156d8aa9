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

    /** True for requests to a JSON API. */
    public static boolean isApi(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(PREFIX) || path.equals("/api");
    }
}
