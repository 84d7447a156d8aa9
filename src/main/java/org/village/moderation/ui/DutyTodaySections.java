package org.village.moderation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.village.moderation.DutyRota;
import org.village.moderation.UrgentAlerts;
import org.village.security.CurrentUser;
import org.village.shared.Capability;
import org.village.shared.Times;
import org.village.shared.ui.TodaySection;

/** Moderation's parts of the Today page: urgent items first (0), and who is on duty now and next (200). */
@Configuration(proxyBeanMethods = false)
class DutyTodaySections {

    @Bean
    TodaySection urgentToday(UrgentAlerts alerts, CurrentUser currentUser) {
        return new TodaySection() {
            @Override
            public int order() {
                return 0;
            }

            @Override
            public Optional<Component> build() {
                return currentUser.get().filter(DutyTodaySections::moderates).map(u -> new UrgentToday(alerts));
            }
        };
    }

    @Bean
    TodaySection rotaToday(DutyRota rota, CurrentUser currentUser, java.time.Clock clock) {
        return new TodaySection() {
            @Override
            public int order() {
                return 200;
            }

            @Override
            public Optional<Component> build() {
                return currentUser.get().filter(DutyTodaySections::moderates).map(u -> rotaPart(rota, clock));
            }
        };
    }

    static boolean moderates(org.village.security.VillageUser u) {
        return u.can(Capability.MODERATE) || u.can(Capability.TAKE_DUTY);
    }

    private static Component rotaPart(DutyRota rota, java.time.Clock clock) {
        var part = new Div();
        part.setId("today-rota");
        part.addClassNames("today-section", "today-rota");
        part.add(new H2(part.getTranslation("today.rota.title")));
        var now = clock.instant();
        var plan = rota.plan();
        var onDuty = plan.onDutyAt(now);
        part.add(new Paragraph(onDuty.isEmpty() ? part.getTranslation("today.rota.nobody")
                : part.getTranslation("today.rota.now", onDuty.stream().map(p -> p.name())
                        .collect(Collectors.joining(", ")))));
        plan.nextOnDuty(now).ifPresent(next -> part.add(new Paragraph(part.getTranslation("today.rota.next",
                next.person().name(), Times.dateTime(next.from(), com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH : com.vaadin.flow.component.UI.getCurrent().getLocale())))));
        part.add(new Paragraph(part.getTranslation(rota.outOfHoursContact().isPresent() ? "today.rota.outOfHoursSet"
                : "today.rota.outOfHoursMissing")));
        part.add(new Anchor("moderation/rota", part.getTranslation("today.rota.edit")));
        return part;
    }
}
