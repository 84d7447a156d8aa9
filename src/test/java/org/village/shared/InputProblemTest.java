package org.village.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class InputProblemTest {

    @Test
    void aKeyedProblemSpeaksTheReadersLanguageAndEnglishForTheApi() {
        var problem = InputProblem.keyed("name", "guides.jargon.aka", "CSE");
        assertThat(problem.getMessage()).isEqualTo("Also called: CSE");
        assertThat(problem.message(Locale.ENGLISH)).isEqualTo("Also called: CSE");
        assertThat(problem.message(Locale.forLanguageTag("pl"))).isEqualTo("Inne nazwy: CSE");
        assertThat(problem.message(Locale.FRENCH)).as("no French bundle: English").isEqualTo("Also called: CSE");
        assertThat(problem.field()).isEqualTo("name");
        assertThat(problem.key()).isEqualTo("guides.jargon.aka");
    }

    @Test
    void olderProblemsKeepTheirEnglishWords() {
        var problem = new InputProblem("Please type a name.");
        assertThat(problem.message(Locale.forLanguageTag("pl"))).isEqualTo("Please type a name.");
        assertThat(problem.key()).isNull();
    }

    @Test
    void anUnknownKeyIsNeverAnErrorPage() {
        assertThat(Texts.text(Locale.ENGLISH, "no.such.key")).isEqualTo("no.such.key");
    }
}
