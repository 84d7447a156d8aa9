package org.village.directory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.directory.ApiQuery;
import org.village.directory.DirectoryIntegrationTest;
import org.village.directory.DirectoryService;
import org.village.directory.PostcodeCentres;
import org.village.directory.ServiceSummary;

/**
 * Distances are computed by the database; these tests hold them to an independent sum in Java for every sample
 * service with a place, at several radii, from several districts.
 */
class ProximityIT extends DirectoryIntegrationTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    PostcodeCentres centres;

    private static ApiQuery near(String postcode, Integer metres) {
        return new ApiQuery(null, null, false, null, null, null, null, null, postcode, metres);
    }

    @Test
    void aDegreeOfLatitudeIsAbout111Kilometres() {
        assertThat(Distances.metres(51, -2.5, 52, -2.5)).isCloseTo(111_195, within(1.0));
        assertThat(Distances.metres(51.45, -2.59, 51.45, -2.59)).isZero();
    }

    @Test
    void theDatabaseKeepsExactlyTheServicesWithinTheDistance() {
        for (String district : List.of("BS1", "BS5", "BS4", "BS10")) {
            var centre = centres.of(district).orElseThrow();
            var all = directory.apiLocations(near(district, null), 0, 100);
            var located = all.stream().filter(s -> s.lat() != null).toList();
            assertThat(located).isNotEmpty();
            for (int metres : List.of(300, 1000, 2500, 6000)) {
                var expected = new HashSet<String>();
                for (ServiceSummary s : located) {
                    if (Distances.metres(centre.lat(), centre.lng(), s.lat(), s.lng()) <= metres) {
                        expected.add(s.uuid());
                    }
                }
                var found = new HashSet<String>();
                directory.apiLocations(near(district, metres), 0, 100).forEach(s -> found.add(s.uuid()));
                assertThat(found).as(district + " within " + metres + " m").isEqualTo(expected);
                assertThat(directory.apiLocationCount(near(district, metres))).isEqualTo(expected.size());
            }
        }
    }

    @Test
    void nearestComesFirst() {
        var centre = centres.of("BS5").orElseThrow();
        var list = new ArrayList<>(directory.apiLocations(near("BS5 6XX", null), 0, 100).stream()
                .filter(s -> s.lat() != null).toList());
        assertThat(list).isSortedAccordingTo(Comparator.comparingDouble(s ->
                Math.round(Distances.metres(centre.lat(), centre.lng(), s.lat(), s.lng()))));
        // the Easton community centre (BS5 6AW) is the sample service nearest to BS5's centre
        assertThat(list.getFirst().name()).isEqualTo("Village Parent Support Group");
    }

    @Test
    void aFullPostcodeMeasuresFromItsDistrictsCentre() {
        assertThat(directory.apiLocations(near("bs5 6xx", 2000), 0, 100))
                .isEqualTo(directory.apiLocations(near("BS5", 2000), 0, 100));
    }
}
