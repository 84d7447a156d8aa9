package org.village;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.village.content.ContentPolicy;
import org.village.content.ContentRenderer;
import org.village.content.PlainLanguageCheck;
import org.village.security.PasswordPolicy;
import org.village.shared.InputProblem;

/**
 * Issue 9 item 9: messages made by services (a refused password, text that is too long, the plain-language check's
 * findings) reach a Polish reader in Polish, while the English words (and the JSON API's getMessage) stay as they were.
 */
class MessagesInPolishTest {

    private static final Locale POLISH = Locale.forLanguageTag("pl");

    @Test
    void aRefusedPasswordIsExplainedInTheReadersLanguage() {
        InputProblem problem = new PasswordPolicy().check("abc12").orElseThrow();
        assertThat(problem.field()).isEqualTo("password");
        assertThat(problem.getMessage())
                .isEqualTo("Your password needs at least 8 characters. A few words together are easy to remember.");
        assertThat(problem.message(POLISH))
                .isEqualTo("Twoje hasło musi mieć co najmniej 8 znaków. Kilka słów razem łatwo zapamiętać.");
    }

    @Test
    void tooLongTextKeepsItsEnglishAndSaysItInPolish() {
        assertThatThrownBy(() -> ContentRenderer.checkLength("x".repeat(4_001), ContentPolicy.CHAT_MESSAGE))
                .isInstanceOfSatisfying(InputProblem.class, p -> {
                    assertThat(p.getMessage()).isEqualTo("This is too long for a message: it has 4,001 characters and "
                            + "the most is 4,000. Your text is still here. Please make it shorter.");
                    assertThat(p.message(POLISH)).startsWith("To jest za długie jak na wiadomość").contains("4")
                            .doesNotContain("{");
                });
    }

    @Test
    void thePlainLanguageCheckSpeaksTheEditorsLanguage() {
        var report = new PlainLanguageCheck.Report(7.25, 100, 5, List.of(), List.of("MASH"), List.of("your fault"));
        assertThat(report.problems()).containsExactly(
                "Reading grade is 7.3. Aim for 6 or below: use shorter words and shorter sentences.",
                "Not in the jargon buster: MASH. Explain it, or add it to the jargon buster.",
                "\"your fault\" can blame a child or a parent. Say what was done to them, and by whom.");
        assertThat(report.problems(POLISH)).containsExactly(
                "Poziom trudności to 7,3. Celuj w 6 lub mniej: używaj krótszych słów i krótszych zdań.",
                "Nie ma w słowniczku: MASH. Wyjaśnij to albo dodaj do słowniczka.",
                "„your fault” może obwiniać dziecko lub rodzica. Napisz, co im zrobiono i kto to zrobił.");
    }
}
