package org.village.shared.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.village.shared.InputProblem;

/**
 * Turns whatever goes wrong in a JSON API ({@code @RestController}) into a JSON error: 400 with the parameter and
 * why, 401/403, 404, 405, and 500 without any detail of the code. Never an HTML page, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorAdvice.class);

    @ExceptionHandler(InputProblem.class)
    ResponseEntity<Map<String, Object>> badInput(InputProblem problem) {
        return ApiError.of(HttpStatus.BAD_REQUEST, problem.field(), problem.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> badType(MethodArgumentTypeMismatchException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getName(), e.getName() + " is not in the right form.");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missing(MissingServletRequestParameterException e) {
        return ApiError.of(HttpStatus.BAD_REQUEST, e.getParameterName(), e.getParameterName() + " is needed.");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        var response = ApiError.of(HttpStatus.METHOD_NOT_ALLOWED, null, "This address only answers "
                + String.join(", ", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()) + ".");
        return e.getSupportedMethods() == null ? response : ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders()).header(HttpHeaders.ALLOW, String.join(", ", e.getSupportedMethods()))
                .body(response.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable() {
        return ApiError.of(HttpStatus.NOT_ACCEPTABLE, null, "This API answers in JSON only.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noResource(HttpServletRequest request) {
        return UnknownApiPath.notFound(request);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
        var status = HttpStatus.resolve(e.getStatusCode().value());
        return ApiError.of(status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status, null,
                e.getReason() == null ? (status == null ? "Something went wrong." : status.getReasonPhrase()) : e.getReason());
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    ResponseEntity<Map<String, Object>> denied() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        boolean signedIn = auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
        return signedIn ? ApiError.of(HttpStatus.FORBIDDEN, null, "Your account is not allowed to do this.")
                : ApiError.of(HttpStatus.UNAUTHORIZED, null, "Please sign in first.");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        // the class and message only: request parameters and bodies may hold personal data
        log.error("API request to {} failed: {}", request.getRequestURI(), e.toString(), e);
        return ApiError.of(HttpStatus.INTERNAL_SERVER_ERROR, null,
                "Something went wrong on our side. Please try again in a little while.");
    }
}
