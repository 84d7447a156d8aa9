package org.village.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.village.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event publication registry's serializer finds its mapper once (decision 102) and writes and reads events as
 * Modulith's own serializer does with the application's {@code JsonMapper}.
 */
class EventSerializerIT extends IntegrationTest {

    /** An event as the registry stores them. */
    public record Sample(long familyId, List<Long> bookingIds, String key, String nothing) {
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    JsonMapper mapper;

    @Test
    void theRegistrysSerializerWritesAndReadsWithTheApplicationsMapper() throws Exception {
        var type = Class.forName("org.springframework.modulith.events.core.EventSerializer");
        var serializers = context.getBeansOfType(type);
        assertThat(serializers).as("one serializer for the registry").hasSize(1);
        Object serializer = serializers.values().iterator().next();
        assertThat(Proxy.isProxyClass(serializer.getClass())).as("the wrapped serializer").isTrue();

        var event = new Sample(42, List.of(1L, 2L), "booking.email.booked.body", null);
        Object written = type.getMethod("serialize", Object.class).invoke(serializer, event);
        assertThat(written).isEqualTo(mapper.writeValueAsString(event));
        Object read = type.getMethod("deserialize", Object.class, Class.class).invoke(serializer, written, Sample.class);
        assertThat(read).isEqualTo(event);
        // the same again (the mapper is the one found the first time)
        assertThat(type.getMethod("serialize", Object.class).invoke(serializer, event)).isEqualTo(written);
    }
}
