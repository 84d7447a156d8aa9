package org.village.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.village.shared.Texts;
import org.village.shared.api.ApiError;

/**
 * {@code POST /api/auth/token}: {@code {"username","password"}} in, {@code {"token","expiresAt"}} out (decision 076).
 * Wrong name or password: 401 with a plain message; too many tries: 429 with {@code Retry-After}, exactly as the
 * sign-in form would wait. {@code DELETE /api/auth/token} with the token revokes it.
 */
@RestController
@RequestMapping(path = "/api/auth/token", produces = MediaType.APPLICATION_JSON_VALUE)
class TokenEndpoint {

    private final ApiTokens tokens;

    TokenEndpoint(ApiTokens tokens) {
        this.tokens = tokens;
    }

    record SignIn(String username, String password) {
    }

    @PostMapping
    ResponseEntity<?> issue(@RequestBody(required = false) SignIn body, HttpServletRequest request) {
        var language = ApiSecurityConfig.language(request);
        if (body == null || body.username() == null || body.password() == null
                || body.username().isBlank() || body.password().isEmpty()
                || body.username().length() > 200 || body.password().length() > 1000) {
            return ApiError.of(HttpStatus.BAD_REQUEST, null, Texts.text(language, "api.token.body"));
        }
        try {
            var issued = tokens.issue(body.username(), body.password(), request.getRemoteAddr());
            var answer = new LinkedHashMap<String, Object>();
            answer.put("token", issued.token());
            answer.put("expiresAt", issued.expiresAt().toString());
            return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(answer);
        } catch (ApiTokens.Refused refused) {
            return switch (refused.reason()) {
                case WRONG -> ApiError.of(HttpStatus.UNAUTHORIZED, null, Texts.text(language, "api.token.wrong"));
                case SWITCHED_OFF -> ApiError.of(HttpStatus.UNAUTHORIZED, null, Texts.text(language, "api.token.switchedOff"));
                case WAIT, SLOW_DOWN -> {
                    long minutes = LoginProtection.minutesUp(refused.waitFor());
                    var error = ApiError.of(HttpStatus.TOO_MANY_REQUESTS, null, Texts.text(language,
                            refused.reason() == ApiTokens.Refusal.SLOW_DOWN ? "api.token.slow"
                                    : minutes == 1 ? "api.token.wait.one" : "api.token.wait.many", minutes));
                    yield ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders())
                            .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, refused.waitFor().toSeconds())))
                            .body(error.getBody());
                }
            };
        }
    }

    @DeleteMapping
    ResponseEntity<Void> revoke(HttpServletRequest request) {
        ApiSecurityConfig.bearer(request).ifPresent(tokens::revoke);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, org.springframework.web.HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, Object>> notJson(HttpServletRequest request) {
        return ApiError.of(HttpStatus.BAD_REQUEST, null, Texts.text(ApiSecurityConfig.language(request), "api.token.body"));
    }
}
