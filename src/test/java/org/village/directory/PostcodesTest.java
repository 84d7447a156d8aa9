package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.village.shared.InputProblem;

class PostcodesTest {

    @Test
    void findsTheDistrictOfFullAndPartPostcodesHoweverTyped() {
        assertThat(Postcodes.district("p", "bs5 6xx")).isEqualTo("BS5");
        assertThat(Postcodes.district("p", " BS16  1AB ")).isEqualTo("BS16");
        assertThat(Postcodes.district("p", "BS161AB")).isEqualTo("BS16");
        assertThat(Postcodes.district("p", "bs34")).isEqualTo("BS34");
        assertThat(Postcodes.full("p", "bs20ez")).isEqualTo("BS2 0EZ");
    }

    @Test
    void refusesThingsThatAreNotPostcodesWithAKindMessage() {
        for (String bad : new String[] {"", "hello", "12345", "BS", "BS5 6X", "BS5 XXX1"}) {
            assertThatThrownBy(() -> Postcodes.district("postcode", bad)).as(bad).isInstanceOf(InputProblem.class)
                    .hasMessageContaining("like BS5");
        }
        assertThatThrownBy(() -> Postcodes.full("postcode", "BS5")).isInstanceOf(InputProblem.class);
    }
}
