package org.village.directory.api;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.village.directory.Area;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceDetail;
import org.village.directory.ServiceSummary;
import org.village.directory.Term;

/**
 * Turns directory records into Open Referral UK objects. Ids of the parts (schedules, contacts, locations)
 * are derived from the service id, so they stay the same between calls and an importer can match them.
 * Village's plain-language fields that ORUK has no place for travel in {@code x_village}, which the schema
 * allows and our own import reads back.
 */
final class OrukJson {

    static final String TAXONOMY_ID = uuid("village-taxonomy:needs");
    static final String TAXONOMY_NAME = "Village needs";

    private OrukJson() {
    }

    static Map<String, Object> page(List<?> contents, int total, int page, int perPage) {
        int pages = total == 0 ? 0 : (total + perPage - 1) / perPage;
        var map = new LinkedHashMap<String, Object>();
        map.put("total_items", total);
        map.put("total_pages", pages);
        map.put("page_number", page);
        map.put("size", contents.size());
        map.put("first_page", page == 1);
        map.put("last_page", page >= pages);
        map.put("empty", contents.isEmpty());
        map.put("contents", contents);
        return map;
    }

    static Map<String, Object> summary(ServiceSummary s) {
        return summary(s, s.organization());
    }

    static Map<String, Object> summary(ServiceSummary s, String organizationName) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", s.uuid());
        map.put("organization_id", organizationId(s.organization()));
        map.put("name", s.name());
        map.put("description", s.whatTheyDo());
        map.put("status", "active");
        putIfNotNull(map, "minimum_age", s.minAge());
        putIfNotNull(map, "maximum_age", s.maxAge());
        map.put("organization", organization(s.organization(), null));
        return map;
    }

    static Map<String, Object> service(ServiceDetail s) {
        String id = s.uuid();
        var map = new LinkedHashMap<String, Object>();
        map.put("id", id);
        map.put("organization_id", organizationId(s.organization()));
        map.put("name", s.name());
        map.put("description", s.whatTheyDo());
        putIfNotNull(map, "url", s.url());
        putIfNotNull(map, "email", s.email());
        map.put("status", "active");
        putIfNotNull(map, "minimum_age", s.minAge());
        putIfNotNull(map, "maximum_age", s.maxAge());
        if (s.lastChecked() != null) {
            map.put("assured_date", s.lastChecked().toString());
        }
        // ISO_INSTANT always writes the seconds; OffsetDateTime.toString() drops ":00", which RFC 3339 forbids
        map.put("last_modified", java.time.format.DateTimeFormatter.ISO_INSTANT.format(s.updatedAt()));
        map.put("organization", organization(s.organization(), s.organizationUrl()));
        map.put("schedules", schedules(s));
        map.put("service_areas", s.areas().stream().map(a -> Map.<String, Object>of("id", uuid(id + ":area:" + a.code()),
                "service_id", id, "name", a.name(), "uri", "urn:village:area:" + a.code())).toList());
        map.put("service_at_locations", locations(s));
        map.put("languages", s.languages().stream().map(l -> Map.<String, Object>of("id", uuid(id + ":lang:" + l),
                "service_id", id, "name", l)).toList());
        map.put("cost_options", s.cost() == null ? List.of() : List.of(Map.of("id", uuid(id + ":cost"),
                "service_id", id, "option", s.cost())));
        map.put("contacts", contacts(s));
        map.put("attributes", s.needs().stream().map(t -> {
            var attr = new LinkedHashMap<String, Object>();
            attr.put("id", uuid(id + ":need:" + t.code()));
            attr.put("link_id", id);
            attr.put("taxonomy_term_id", t.uuid());
            attr.put("link_type", "service");
            attr.put("taxonomy_term", term(t));
            return attr;
        }).toList());
        map.put("x_village", extension(s));
        return map;
    }

    static Map<String, Object> term(Term t) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", t.uuid());
        map.put("name", t.name());
        map.put("description", t.description());
        map.put("taxonomy", TAXONOMY_NAME);
        map.put("taxonomy_id", TAXONOMY_ID);
        map.put("term", t.code());
        return map;
    }

    static Map<String, Object> taxonomy() {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", TAXONOMY_ID);
        map.put("name", TAXONOMY_NAME);
        map.put("description", "What families need help with, in plain words. Village's own list.");
        map.put("version", "1");
        return map;
    }

    static String organizationId(String name) {
        return uuid("village-organization:" + name);
    }

    static String uuid(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static Map<String, Object> organization(String name, String website) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", organizationId(name));
        map.put("name", name);
        map.put("description", name);
        putIfNotNull(map, "website", website);
        return map;
    }

    private static List<Map<String, Object>> schedules(ServiceDetail s) {
        var list = new ArrayList<Map<String, Object>>();
        int n = 0;
        if (s.hours().alwaysOpen()) {
            list.add(schedule(s.uuid(), n, "MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59", "Open all day and night, every day"));
        }
        for (var row : s.hours().rows()) {
            String byday = row.days().stream().sorted().map(OrukJson::byday).collect(Collectors.joining(","));
            list.add(schedule(s.uuid(), ++n, byday, row.opens().toString(), row.closes().toString(),
                    new org.village.helpnow.OpeningHours(false, List.of(row)).describe()));
        }
        return list;
    }

    private static Map<String, Object> schedule(String serviceId, int n, String byday, String opens, String closes,
                                                String description) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", uuid(serviceId + ":schedule:" + n + ":" + byday + opens + closes));
        map.put("service_id", serviceId);
        map.put("freq", "WEEKLY");
        map.put("byday", byday);
        map.put("opens_at", opens);
        map.put("closes_at", closes);
        map.put("description", description);
        return map;
    }

    private static List<Map<String, Object>> locations(ServiceDetail s) {
        if (s.address() == null) {
            return List.of();
        }
        var sal = new LinkedHashMap<String, Object>();
        sal.put("id", DirectoryService.locationUuid(s.uuid()));
        sal.put("service_id", s.uuid());
        sal.put("location_id", locationId(s.uuid()));
        sal.put("location", location(s));
        return List.of(sal);
    }

    /** One entry of the services-at-locations list: the one-to-one fields of the location and the service. */
    static Map<String, Object> locationListItem(ServiceSummary s) {
        String locationId = locationId(s.uuid());
        var location = new LinkedHashMap<String, Object>();
        location.put("id", locationId);
        location.put("location_type", "physical");
        location.put("name", s.name());
        putIfNotNull(location, "latitude", s.lat());
        putIfNotNull(location, "longitude", s.lng());
        var sal = new LinkedHashMap<String, Object>();
        sal.put("id", DirectoryService.locationUuid(s.uuid()));
        sal.put("service_id", s.uuid());
        sal.put("location_id", locationId);
        sal.put("location", location);
        sal.put("service", summary(s));
        return sal;
    }

    /** A service at a location in full: the location with its address and the whole service. */
    static Map<String, Object> serviceAtLocation(ServiceDetail s) {
        var service = service(s);
        service.remove("service_at_locations");
        var sal = new LinkedHashMap<String, Object>();
        sal.put("id", DirectoryService.locationUuid(s.uuid()));
        sal.put("service_id", s.uuid());
        sal.put("location_id", locationId(s.uuid()));
        sal.put("location", location(s));
        sal.put("service", service);
        return sal;
    }

    private static String locationId(String serviceId) {
        return uuid(serviceId + ":location");
    }

    private static Map<String, Object> location(ServiceDetail s) {
        var a = s.address();
        String id = s.uuid();
        String locationId = locationId(id);
        var address = new LinkedHashMap<String, Object>();
        address.put("id", uuid(id + ":address"));
        address.put("location_id", locationId);
        address.put("address_1", a.line1() == null ? "" : a.line1());
        address.put("city", a.city() == null ? "Bristol" : a.city());
        address.put("state_province", "Bristol");
        address.put("postal_code", a.postcode() == null ? "" : a.postcode());
        address.put("country", "GB");
        address.put("address_type", "physical");
        var location = new LinkedHashMap<String, Object>();
        location.put("id", locationId);
        location.put("location_type", "physical");
        location.put("name", s.name());
        putIfNotNull(location, "latitude", a.lat());
        putIfNotNull(location, "longitude", a.lng());
        location.put("addresses", List.of(address));
        return location;
    }

    private static List<Map<String, Object>> contacts(ServiceDetail s) {
        if (s.phone() == null && s.email() == null) {
            return List.of();
        }
        String contactId = uuid(s.uuid() + ":contact");
        var contact = new LinkedHashMap<String, Object>();
        contact.put("id", contactId);
        contact.put("service_id", s.uuid());
        contact.put("name", s.name());
        putIfNotNull(contact, "email", s.email());
        if (s.phone() != null) {
            contact.put("phones", List.of(Map.of("id", uuid(s.uuid() + ":phone"), "contact_id", contactId,
                    "number", s.phone())));
        }
        return List.of(contact);
    }

    private static Map<String, Object> extension(ServiceDetail s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("slug", s.slug());
        putIfNotNull(map, "what_they_dont", s.whatTheyDont());
        map.put("for_who", s.forWho());
        map.put("exploitation", s.exploitation().name());
        map.put("audiences", s.audiences());
        map.put("areas", s.areas().stream().map(Area::code).toList());
        map.put("referral", s.referral().name());
        putIfNotNull(map, "referral_how", s.referralHow());
        putIfNotNull(map, "how_they_contact", s.howTheyContact());
        map.put("always_open", s.hours().alwaysOpen());
        map.put("out_of_hours", s.outOfHours());
        map.put("comes_to_you", s.comesToYou());
        map.put("sample", s.sample());
        return map;
    }

    private static String byday(DayOfWeek d) {
        return d.name().substring(0, 2);
    }

    private static void putIfNotNull(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
