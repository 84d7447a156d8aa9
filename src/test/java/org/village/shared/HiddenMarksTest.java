package org.village.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HiddenMarksTest {

    @Test
    void directionOverridesAndZeroWidthSpacesGoJoinersAndMarksStay() {
        assertThat(HiddenMarks.strip("Rowan\u202Eis shy\u202C\u200B\uFEFF")).isEqualTo("Rowanis shy");
        assertThat(HiddenMarks.strip("line one\r\nline two")).isEqualTo("line one\nline two");
        // a family emoji (zero-width joiners) and a right-to-left mark in Arabic text are kept
        assertThat(HiddenMarks.strip("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u0645\u0631\u062D\u0628\u0627\u200F"))
                .isEqualTo("\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u0645\u0631\u062D\u0628\u0627\u200F");
        assertThat(HiddenMarks.strip(null)).isNull();
    }

    @Test
    void aCleanTextHasNoHiddenMarksNoControlCharactersAndNoSpacesAtTheEnds() {
        assertThat(HiddenMarks.clean("  Tea\u202E and\u0000 talk\u0007\t\r\nweekly\u200B  ")).isEqualTo("Tea and talk\t\nweekly");
        // joiners and direction marks that languages and emoji need stay
        assertThat(HiddenMarks.clean("\u0645\u0631\u062D\u0628\u0627\u200F \uD83D\uDC68\u200D\uD83D\uDC69"))
                .isEqualTo("\u0645\u0631\u062D\u0628\u0627\u200F \uD83D\uDC68\u200D\uD83D\uDC69");
        assertThat(HiddenMarks.clean(null)).isEmpty();
    }
}
