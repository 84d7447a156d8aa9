package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SpellingTest {

    private final Spelling spelling = new Spelling(Map.of("excluded", 5, "exclusion", 3, "strategy", 4,
            "meeting", 9, "missing", 7, "camhs", 2, "court", 3));

    @Test
    void swappedLettersCountAsOneMistake() {
        assertThat(Spelling.distance("exlcuded", "excluded", 3)).isEqualTo(1);
        assertThat(spelling.correct("exlcuded")).contains("excluded");
    }

    @Test
    void commonMisspellingsFindTheRightWord() {
        assertThat(spelling.correct("stratergy")).contains("strategy");
        assertThat(spelling.correct("mising")).contains("missing");
        assertThat(spelling.correct("meating")).contains("meeting");
        assertThat(spelling.correct("CAHMS")).contains("camhs");
    }

    @Test
    void knownShortAndFarWordsAreLeftAlone() {
        assertThat(spelling.correct("court")).isEmpty();
        assertThat(spelling.correct("is")).isEmpty();
        assertThat(spelling.correct("banana")).isEmpty();
    }
}
