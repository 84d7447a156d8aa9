package org.village.chat.internal;

import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.village.chat.Chat.Audience;
import org.village.directory.DirectoryService;

/**
 * The rooms every partnership starts with (each added only when missing, so a partnership's changes stay): the
 * evening parent circle (19:00-23:00 every day), a room per area of the service directory, and the brothers and
 * sisters parents' room. In the demo profile also a room open at every hour, so a newcomer can try chat any time.
 */
@Component
class ChatSeeder {

    static final String EVENING = "evening-circle";
    static final String SIBLINGS = "brothers-and-sisters";
    static final String TRY_ANY_TIME = "try-chat";

    private final ChatStore store;
    private final DirectoryService directory;
    private final Clock clock;
    private final Environment env;

    ChatSeeder(ChatStore store, DirectoryService directory, Clock clock, Environment env) {
        this.store = store;
        this.directory = directory;
        this.clock = clock;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(45)
    void seed() {
        var now = clock.instant();
        store.addRoomIfMissing(EVENING, "Evening parent circle",
                "Talk with other parents in the evening. A worker looks after the room.", Audience.EVERYONE, null,
                false, "Mon-Sun 19:00-23:00", false, 10, now);
        int position = 100;
        for (var area : directory.areas()) {
            store.addRoomIfMissing("area-" + area.code(), area.name() + " parents",
                    "Meet parents who live in " + area.name() + ".", Audience.EVERYONE, area.code(), false,
                    "Mon-Sun 10:00-21:00", false, position++, now);
        }
        store.addRoomIfMissing(SIBLINGS, "Brothers and sisters — parents' room",
                "For parents who worry about the brothers and sisters too. Parents and workers only.", Audience.PARENTS,
                null, false, "Mon-Sun 18:00-22:00", false, 500, now);
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            store.addRoomIfMissing(TRY_ANY_TIME, "Try chat — open at every hour",
                    "A room open day and night, so you can see how chat works.", Audience.EVERYONE, null, true, "",
                    true, 1, now);
        }
    }
}
