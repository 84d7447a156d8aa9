package org.village.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import org.village.shared.InputProblem;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * At least 8 characters, at most 128, and not one of the 38,000 most common passwords of 8+ characters
 * (from the "10 million passwords" top-100k list shipped in security/common-passwords.txt).
 */
@Component
public class PasswordPolicy {

    public static final int MIN = 8;
    public static final int MAX = 128;

    private final Set<String> common;

    public PasswordPolicy() {
        var set = new HashSet<String>(50_000);
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("security/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            in.lines().forEach(set::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.common = Set.copyOf(set);
    }

    /** A kind message (in English) saying what to change, or empty when the password is fine. */
    public Optional<String> problem(String password, String... names) {
        return check(password, names).map(InputProblem::getMessage);
    }

    /** The problem with the password for the "password" field, in the reader's language, or empty when it is fine. */
    public Optional<InputProblem> check(String password, String... names) {
        if (password == null || password.isEmpty()) {
            return Optional.of(InputProblem.keyed("password", "security.problem.noPassword"));
        }
        if (password.length() < MIN) {
            return Optional.of(InputProblem.keyed("password", "security.problem.passwordShort", MIN));
        }
        if (password.length() > MAX) {
            return Optional.of(InputProblem.keyed("password", "security.problem.passwordLong", MAX));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of(InputProblem.keyed("password", "security.problem.passwordCommon"));
        }
        for (String name : names) {
            if (name != null && !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT).strip())) {
                return Optional.of(InputProblem.keyed("password", "security.problem.passwordName"));
            }
        }
        return Optional.empty();
    }
}
