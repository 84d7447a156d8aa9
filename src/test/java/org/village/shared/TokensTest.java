package org.village.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void codesAreReadableAndMatchHoweverTheyAreTyped() {
        var seen = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String code = Tokens.code(12);
            assertThat(code).hasSize(12).doesNotContain("0", "O", "1", "I", "L");
            seen.add(code);
        }
        assertThat(seen).hasSize(1000);
        assertThat(Tokens.grouped("ABCDEFGHJKMN")).isEqualTo("ABCD-EFGH-JKMN");
        assertThat(Tokens.normalise(" abcd-efgh jkmn ")).isEqualTo("ABCDEFGHJKMN");
        assertThat(Tokens.sha256("x")).hasSize(64);
    }
}
