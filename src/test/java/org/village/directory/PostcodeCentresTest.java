package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The district centres shipped with the portal cover the partnership's area and sit where the districts are. */
class PostcodeCentresTest {

    private final PostcodeCentres centres = new PostcodeCentres();

    @Test
    void everyDistrictOfThePartnershipsAreaHasACentreInBristol() {
        assertThat(centres.districts()).containsExactly("BS1", "BS2", "BS3", "BS4", "BS5", "BS6", "BS7", "BS8", "BS9",
                "BS10", "BS11", "BS13", "BS14", "BS15", "BS16", "BS34");
        for (String d : centres.districts()) {
            var c = centres.of(d).orElseThrow();
            assertThat(c.lat()).as(d).isBetween(51.38, 51.56);
            assertThat(c.lng()).as(d).isBetween(-2.72, -2.40);
        }
    }

    @Test
    void districtsLieWhereBristolsMapPutsThem() {
        // the centre is north of the south, east of the west: a sign the file was not scrambled
        assertThat(centres.of("BS34").orElseThrow().lat()).isGreaterThan(centres.of("BS13").orElseThrow().lat());
        assertThat(centres.of("BS15").orElseThrow().lng()).isGreaterThan(centres.of("BS11").orElseThrow().lng());
        assertThat(centres.of("BS1").orElseThrow().lat()).isBetween(51.44, 51.47);
    }

    @Test
    void aDistrictOutsideTheAreaHasNoCentre() {
        assertThat(centres.of("SW1A")).isEmpty();
        assertThat(centres.of("BS20")).isEmpty();
    }
}
