package org.village.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryService;

/**
 * Generated services for the benchmarks, next to the 40 samples: needs, areas, opening hours like theirs, and an
 * address with a position somewhere in Bristol (so they also appear as services at locations).
 */
final class BenchServices {

    private static final String[] DISTRICTS = {"BS1", "BS2", "BS3", "BS4", "BS5", "BS6", "BS7", "BS8", "BS9", "BS10",
            "BS11", "BS13", "BS14", "BS15", "BS16", "BS34"};

    private BenchServices() {
    }

    /** Adds services until there are {@code total}; the published location ids are stored by the caller. */
    static void fill(JdbcTemplate jdbc, DirectoryService directory, int total) {
        int missing = total - directory.count(DirectoryFilter.none());
        String[] words = {"counselling", "drugs", "young people", "parents", "mentoring", "sport", "music", "housing",
                "school", "family", "evening", "advice"};
        var rows = new ArrayList<Object[]>();
        var now = Timestamp.from(Instant.now());
        for (int i = 0; i < missing; i++) {
            String text = "Bench service " + i + " offers " + words[i % words.length] + " and " + words[(i * 5) % words.length]
                    + " for families in Bristol.";
            // a spread of places over the city: 51.40..51.54 N, 2.70..2.45 W
            double lat = 51.40 + (i * 37 % 1000) / 1000.0 * 0.14;
            double lng = -2.70 + (i * 61 % 1000) / 1000.0 * 0.25;
            rows.add(new Object[] {UUID.randomUUID().toString(), "bench-" + i, "Bench service " + i,
                    "Bench organisation " + (i % 200), text, "Families in Bristol", (i % 3 == 0) ? null : 5 + i % 10,
                    (i % 4 == 0) ? null : 16 + i % 10, "ANY", "parents", "BOTH", "English", i % 11 == 0, i % 5 == 0, now,
                    i % 10 == 0 ? null : i + " Bench Street", i % 10 == 0 ? null : DISTRICTS[i % DISTRICTS.length] + " 1AA",
                    i % 10 == 0 ? null : lat, i % 10 == 0 ? null : lng});
        }
        jdbc.batchUpdate("INSERT INTO dir_service (uuid, slug, name, organization, what_they_do, for_who, min_age, max_age,"
                + " exploitation, audiences, referral, languages, always_open, out_of_hours, updated_at, address_line1,"
                + " postcode, lat, lng) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        jdbc.update("INSERT INTO dir_service_taxonomy (service_id, term_id) SELECT s.id, t.id FROM dir_service s"
                + " JOIN dir_taxonomy_term t ON (s.id + t.id) % 5 = 0 WHERE s.slug LIKE 'bench-%'");
        jdbc.update("INSERT INTO dir_service_area (service_id, area_id) SELECT s.id, a.id FROM dir_service s"
                + " JOIN dir_area a ON (s.id % 4) = (a.id % 4) WHERE s.slug LIKE 'bench-%'");
        for (int day = 1; day <= 7; day++) {
            jdbc.update("INSERT INTO dir_service_hours (service_id, day, opens, closes) SELECT id, ?, '09:00', '17:00'"
                    + " FROM dir_service WHERE slug LIKE 'bench-%' AND always_open = FALSE AND (id % 7) <> ?", day, day);
            jdbc.update("INSERT INTO dir_service_hours (service_id, day, opens, closes) SELECT id, ?, '18:00', '02:00'"
                    + " FROM dir_service WHERE slug LIKE 'bench-%' AND out_of_hours = TRUE", day);
        }
        jdbc.execute("ANALYZE TABLE dir_service, dir_service_taxonomy, dir_service_area, dir_service_hours");
    }
}
