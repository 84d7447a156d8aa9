package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.village.directory.internal.ServiceStore.TextRow;

/** The directory's in-memory word matching, without a database. */
class ServiceWordsTest {

    private final ServiceWords words = new ServiceWords(List.of(
            new TextRow(1, "Village Family Sessions Village Counselling for the whole family"),
            new TextRow(2, "The Call In Youth service Young people arrested in East Central Bristol"),
            new TextRow(3, "Police emergency 999 Police Call 999 if someone is in danger"),
            new TextRow(4, "Brook Bristol Brook Free sexual health help for young people"),
            new TextRow(5, "Old Market Hub Old Market Services for families near the Old Market")));

    @Test
    void whatWasTypedComesFirstSoAPhraseOnlyNarrows() {
        // the ORUK API's text filter must keep meaning "contains this text" when the text is there
        assertThat(words.match("call in").ids()).containsExactly(2L);
        assertThat(words.match("Old Market").ids()).containsExactly(5L);
        assertThat(words.match("ounsell").ids()).containsExactly(1L);
    }

    @Test
    void wordsInAnyOrderThenTyposInNonWordsOnly() {
        var m = words.match("young people brook");
        assertThat(m.ids()).containsExactly(4L);
        assertThat(m.corrected()).isNull();

        var typo = words.match("counceling");
        assertThat(typo.ids()).containsExactly(1L);
        assertThat(typo.corrected()).isEqualTo("counselling");

        var polish = words.match("polish");
        assertThat(polish.ids()).isEmpty();
        assertThat(polish.corrected()).isNull();
    }

    @Test
    void parentsWordsAndWordStartsButNotTheInsideOfWords() {
        assertThat(words.match("help for my son").ids()).containsExactly(4L);
        assertThat(words.match("xyzzy").ids()).isEmpty();
        assertThat(words.match("</script>").ids()).isEmpty();
    }
}
