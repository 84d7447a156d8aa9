package org.village.moderation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.village.moderation.DutyRota;
import org.village.moderation.UrgentAlerts;
import org.village.security.CurrentUser;
import org.village.shared.Capability;
import org.village.shared.Times;
import org.village.shared.ui.TodayPart;
import org.village.shared.ui.TodaySection;

/** Moderation's parts of the Today page: urgent items first (0), and who is on duty now and next (200). */
@Configuration(proxyBeanMethods = false)
class DutyTodaySections {

    @Bean
    TodaySection urgentToday(UrgentAlerts alerts, CurrentUser currentUser) {
        return TodaySection.of(0, () -> currentUser.get().filter(DutyTodaySections::moderates)
                .map(u -> new UrgentToday(alerts)));
    }

    @Bean
    TodaySection rotaToday(DutyRota rota, CurrentUser currentUser, java.time.Clock clock) {
        return TodaySection.of(200, () -> currentUser.get().filter(DutyTodaySections::moderates)
                .map(u -> rotaPart(rota, clock)));
    }

    @Bean
    TodaySection queueCountsToday(org.village.moderation.ModerationQueue queue, CurrentUser currentUser) {
        return TodaySection.of(100, () -> currentUser.get().filter(u -> u.can(Capability.MODERATE)).map(u -> {
            var counts = queue.counts();
            var part = new TodayPart("queue", "today.queue.title");
            var list = new com.vaadin.flow.component.html.UnorderedList();
            for (var kind : org.village.moderation.CaseKind.values()) {
                list.add(new com.vaadin.flow.component.html.ListItem(part.getTranslation(
                        "today.queue." + kind.name(), counts.of(kind))));
            }
            part.add(list, new Anchor("moderation/queue", part.getTranslation("today.queue.open")));
            return part;
        }));
    }

    @Bean
    TodaySection recentReportsToday(org.village.moderation.ModerationQueue queue, CurrentUser currentUser) {
        return TodaySection.of(250, () -> currentUser.get().filter(u -> u.can(Capability.MODERATE)).map(u -> {
            var part = new TodayPart("reports", "today.reports.title");
            var lines = queue.recent(org.village.moderation.CaseKind.REPORTED, 5);
            if (lines.isEmpty()) {
                part.add(new Paragraph(part.getTranslation("today.reports.none")));
            }
            var list = new com.vaadin.flow.component.html.UnorderedList();
            for (var line : lines) {
                var item = new com.vaadin.flow.component.html.ListItem();
                item.add(new com.vaadin.flow.component.html.Span(part.getTranslation("today.reports.line",
                        line.reports(), line.place() == null ? "" : line.place(),
                        Times.dateTime(line.openedAt(), locale())) + " "));
                item.add(new Anchor(line.link() == null ? "moderation/queue" : line.link(),
                        part.getTranslation("today.reports.open")));
                list.add(item);
            }
            part.add(list);
            return part;
        }));
    }

    private static java.util.Locale locale() {
        var ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? java.util.Locale.ENGLISH : ui.getLocale();
    }

    static boolean moderates(org.village.security.VillageUser u) {
        return u.can(Capability.MODERATE) || u.can(Capability.TAKE_DUTY);
    }

    private static Component rotaPart(DutyRota rota, java.time.Clock clock) {
        var part = new TodayPart("rota", "today.rota.title");
        var now = clock.instant();
        var plan = rota.plan();
        var onDuty = plan.onDutyAt(now);
        part.add(new Paragraph(onDuty.isEmpty() ? part.getTranslation("today.rota.nobody")
                : part.getTranslation("today.rota.now", onDuty.stream().map(p -> p.name())
                        .collect(Collectors.joining(", ")))));
        plan.nextOnDuty(now).ifPresent(next -> part.add(new Paragraph(part.getTranslation("today.rota.next",
                next.person().name(), Times.dateTime(next.from(), locale())))));
        part.add(new Paragraph(part.getTranslation(rota.outOfHoursContact().isPresent() ? "today.rota.outOfHoursSet"
                : "today.rota.outOfHoursMissing")));
        part.add(new Anchor("moderation/rota", part.getTranslation("today.rota.edit")));
        return part;
    }
}
