package org.village.helpnow.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.helpnow.OpeningHours;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the sample help-now contacts from {@code db/seed/contacts.json} when there are none, in every
 * profile, before the web server takes requests: the help box on the first page anyone opens has lines.
 */
@Component
class ContactSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ContactSeeder.class);

    private final ContactStore contacts;
    private final TransactionTemplate tx;

    ContactSeeder(ContactStore contacts, TransactionTemplate tx) {
        this.contacts = contacts;
        this.tx = tx;
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(s -> {
            if (contacts.count() == 0) {
                seedContacts();
            }
        });
    }

    private static JsonNode read(String path) {
        try (var in = new org.springframework.core.io.ClassPathResource(path).getInputStream()) {
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seedContacts() {
        int order = 0;
        for (JsonNode c : read("db/seed/contacts.json")) {
            var rows = new ArrayList<OpeningHours.Row>();
            for (JsonNode h : c.get("hours")) {
                var days = EnumSet.noneOf(java.time.DayOfWeek.class);
                h.get("days").forEach(d -> days.add(OpeningHours.day(d.asString())));
                rows.add(new OpeningHours.Row(days, LocalTime.parse(h.get("opens").asString()),
                        LocalTime.parse(h.get("closes").asString())));
            }
            contacts.insert(new ContactStore.Contact(0, c.get("slug").asString(), c.get("name").asString(),
                    c.get("description").asString(), c.get("phone").asString(), text(c, "textPhone"), text(c, "url"),
                    new OpeningHours(c.get("alwaysOpen").asBoolean(), rows), c.get("outOfHours").asBoolean(),
                    c.get("emergency").asBoolean(), order++, 0));
        }
        log.info("Loaded {} sample help-now contacts", order);
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull() ? node.get(field).asString() : null;
    }
}
