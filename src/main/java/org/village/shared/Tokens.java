package org.village.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Random one-time codes and the hashes we store instead of them. */
public final class Tokens {

    /** No 0/O, 1/I/L: easy to read out over the phone. */
    private static final char[] CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A code of {@code length} characters from an unambiguous alphabet (about 4.95 bits each). */
    public static String code(int length) {
        var sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** Upper case without spaces or dashes, so "abcd-efgh jkmn" matches "ABCDEFGHJKMN". */
    public static String normalise(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** "ABCDEFGHJKMN" shown as "ABCD-EFGH-JKMN". */
    public static String grouped(String code) {
        return String.join("-", code.split("(?<=\\G.{4})"));
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
