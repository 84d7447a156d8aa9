package org.village.directory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The centre of each postcode district in the partnership's area, from {@code db/seed/postcode-districts.csv}
 * (derived from the ONS postcode lookup, Open Government Licence; see {@code db/seed/derivation/README.md}).
 * A partnership elsewhere replaces the file. Read once: a few dozen lines.
 */
@Component
public class PostcodeCentres {

    /** A district's centre. */
    public record Centre(String district, double lat, double lng) {
    }

    private final Map<String, Centre> centres;

    PostcodeCentres() {
        this("db/seed/postcode-districts.csv");
    }

    PostcodeCentres(String classpathFile) {
        var map = new LinkedHashMap<String, Centre>();
        try (var in = new BufferedReader(new InputStreamReader(new ClassPathResource(classpathFile).getInputStream(),
                StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                map.put(f[0].strip(), new Centre(f[0].strip(), Double.parseDouble(f[1]), Double.parseDouble(f[2])));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + classpathFile, e);
        }
        this.centres = Collections.unmodifiableMap(map);
    }

    /** The centre of a district ("BS5"), if the district is in the partnership's area. */
    public Optional<Centre> of(String district) {
        return Optional.ofNullable(centres.get(district));
    }

    /** The districts covered, in order (BS1, BS2, ... BS34): for messages that say where the dataset reaches. */
    public java.util.List<String> districts() {
        return java.util.List.copyOf(centres.keySet());
    }
}
