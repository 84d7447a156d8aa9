package org.village.directory;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.directory.ServiceDetail.Address;
import org.village.directory.ServiceDetail.Exploitation;
import org.village.directory.ServiceDetail.Referral;
import org.village.directory.internal.ServiceStore;
import org.village.helpnow.OpeningHours;
import org.village.shared.InputProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fills an empty directory with the sample data in {@code db/seed} (every profile: a new partnership starts
 * from it and replaces it). Each row is marked sample so the pages can say so. Ids are derived from the
 * slugs and codes, so the same sample always has the same published Open Referral ids.
 */
@Component
class SeedLoader {

    private static final Logger log = LoggerFactory.getLogger(SeedLoader.class);

    private final ServiceStore store;
    private final DirectoryService directory;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    SeedLoader(ServiceStore store, DirectoryService directory, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void loadWhenEmpty() {
        tx.executeWithoutResult(status -> {
            int located = store.fillLocationIds();
            if (located > 0) {
                log.info("Stored the published location id of {} services", located);
            }
            if (!store.isEmpty()) {
                return;
            }
            for (JsonNode t : read("db/seed/taxonomy.json")) {
                store.insertTerm(termUuid(t.get("code").asString()), t.get("code").asString(), t.get("name").asString(),
                        t.get("description").asString());
            }
            for (JsonNode a : read("db/seed/areas.json")) {
                var districts = new ArrayList<String>();
                a.get("postcodeDistricts").forEach(d -> districts.add(d.asString()));
                var polygon = new ArrayList<double[]>();
                a.get("polygon").forEach(p -> polygon.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}));
                store.insertArea(a.get("code").asString(), a.get("name").asString(), districts, polygon);
            }
            int n = 0;
            for (JsonNode s : read("db/seed/services.json")) {
                try {
                    var input = directory.check(service(s));
                    store.insert(serviceUuid(input.slug()), input, true, clock.instant());
                    n++;
                } catch (InputProblem problem) {
                    // one bad sample row should not stop the portal starting; say which and why
                    log.warn("Sample service {} left out: {}", s.path("slug").asString(), problem.getMessage());
                }
            }
            log.info("Loaded {} sample services into the empty directory", n);
        });
    }

    static String serviceUuid(String slug) {
        return UUID.nameUUIDFromBytes(("village-service:" + slug).getBytes()).toString();
    }

    static String termUuid(String code) {
        return UUID.nameUUIDFromBytes(("village-term:" + code).getBytes()).toString();
    }

    private JsonNode read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + path, e);
        }
    }

    private static ServiceInput service(JsonNode s) {
        var rows = new ArrayList<OpeningHours.Row>();
        for (JsonNode h : s.path("hours")) {
            var days = EnumSet.noneOf(java.time.DayOfWeek.class);
            h.get("days").forEach(d -> days.add(OpeningHours.day(d.asString())));
            rows.add(new OpeningHours.Row(days, LocalTime.parse(h.get("opens").asString()),
                    LocalTime.parse(h.get("closes").asString())));
        }
        JsonNode a = s.get("address");
        Address address = a == null || a.isNull() ? null : new Address(text(a, "line1"), text(a, "city"),
                text(a, "postcode"), a.hasNonNull("lat") ? a.get("lat").asDouble() : null,
                a.hasNonNull("lng") ? a.get("lng").asDouble() : null);
        return new ServiceInput(text(s, "slug"), text(s, "name"), text(s, "organization"), text(s, "organizationUrl"),
                text(s, "whatTheyDo"), text(s, "whatTheyDont"), text(s, "forWho"),
                s.hasNonNull("minAge") ? s.get("minAge").asInt() : null,
                s.hasNonNull("maxAge") ? s.get("maxAge").asInt() : null,
                Exploitation.valueOf(text(s, "exploitation")), strings(s, "audiences"), strings(s, "needs"),
                strings(s, "areas"), Referral.valueOf(text(s, "referral")), text(s, "referralHow"),
                text(s, "howTheyContact"), new OpeningHours(s.path("alwaysOpen").asBoolean(false), rows),
                s.path("outOfHours").asBoolean(false), strings(s, "languages"), text(s, "cost"), text(s, "phone"),
                text(s, "email"), text(s, "url"), address, s.path("comesToYou").asBoolean(false),
                s.hasNonNull("lastChecked") ? LocalDate.parse(s.get("lastChecked").asString()) : null);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asString() : null;
    }

    private static List<String> strings(JsonNode n, String field) {
        var list = new ArrayList<String>();
        n.path(field).forEach(v -> list.add(v.asString()));
        return list;
    }
}
