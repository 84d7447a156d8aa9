package org.village.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadabilityTest {

    @Test
    void syllablesFollowTheContentTeamsRules() {
        assertThat(Readability.syllables("the")).isEqualTo(1);
        assertThat(Readability.syllables("make")).isEqualTo(1);
        assertThat(Readability.syllables("little")).isEqualTo(2);
        assertThat(Readability.syllables("wanted")).isEqualTo(2);
        assertThat(Readability.syllables("jumped")).isEqualTo(1);
        assertThat(Readability.syllables("exploitation")).isEqualTo(4);
        assertThat(Readability.syllables("rhythm")).isEqualTo(1);
    }

    @Test
    void aShortPlainTextScoresAsEasy() {
        var score = Readability.score("The cat sat on the mat. It was warm.");
        assertThat(score.sentences()).isEqualTo(2);
        assertThat(score.words()).isEqualTo(9);
        // 0.39 * 4.5 + 11.8 * (9 / 9) - 15.59
        assertThat(score.grade()).isCloseTo(-2.035, within(0.001));
    }

    @Test
    void longWordsAndLongSentencesScoreHarder() {
        var hard = Readability.score("Multi-agency safeguarding arrangements necessitate comprehensive "
                + "information sharing between organisations responsible for children's welfare and protection");
        assertThat(hard.sentences()).isEqualTo(1);
        assertThat(hard.grade()).isGreaterThan(15);
    }

    @Test
    void everyLineEndsASentence() {
        var score = Readability.score("In short\nYou are not alone\n\nCall us");
        assertThat(score.sentences()).isEqualTo(3);
    }

    @Test
    void everySeededGuideReadsAtGradeSixOrBelow() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("db/seed/guides"))) {
            var guides = files.filter(p -> p.toString().endsWith(".md")).toList();
            assertThat(guides).hasSizeGreaterThanOrEqualTo(20);
            for (Path guide : guides) {
                var score = Readability.score(MarkdownText.plain(Files.readString(guide)));
                assertThat(score.grade()).as(guide.getFileName() + " grade").isLessThanOrEqualTo(6.0);
            }
        }
    }
}
