package org.village.directory;

import java.util.List;

/** Part of Bristol a service covers, with its postcode districts and an outline for the map ([lat, lng]). */
public record Area(long id, String code, String name, List<String> districts, List<double[]> polygon) {
}
