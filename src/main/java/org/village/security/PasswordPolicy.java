package org.village.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
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

    /** A kind message saying what to change, or empty when the password is fine. */
    public Optional<String> problem(String password, String... names) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Please choose a password.");
        }
        if (password.length() < MIN) {
            return Optional.of("Your password needs at least " + MIN + " characters. A few words together are easy to remember.");
        }
        if (password.length() > MAX) {
            return Optional.of("Your password can have up to " + MAX + " characters.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("That password is used by many people, so it is easy to guess. Please choose another one.");
        }
        for (String name : names) {
            if (name != null && !name.isBlank() && lower.contains(name.toLowerCase(Locale.ROOT).strip())) {
                return Optional.of("Please do not use your name in your password.");
            }
        }
        return Optional.empty();
    }
}
