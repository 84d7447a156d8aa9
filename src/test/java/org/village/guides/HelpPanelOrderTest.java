package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.village.helpnow.HelpLine;
import org.village.helpnow.HelpLineTopics;
import org.village.helpnow.HelpNowBox;
import org.village.helpnow.HelpNowService;
import org.village.helpnow.HelpNowSource;
import org.village.helpnow.OpeningHours;
import org.village.shared.Times;

/**
 * Issue 8 item 10: a guide's help box shows the lines that fit its topic first (not the first three in
 * alphabetical order), and an always-open out-of-hours line does not say the same thing twice.
 */
class HelpPanelOrderTest {

    private static HelpLine line(String slug, String name, String phone, OpeningHours hours, boolean outOfHours) {
        return new HelpLine("contact:" + slug, name, "", phone, null, hours, outOfHours, false);
    }

    // in the order the contacts come (alphabetical), as the help box used to show them
    private static final List<HelpLine> LINES = List.of(
            new HelpLine("contact:police-999", "Police, fire or ambulance", "", "999", null, OpeningHours.always(), false, true),
            line("crimestoppers", "Crimestoppers", "0800 555 111", OpeningHours.always(), false),
            line("missing-people", "Missing People", "116 000", OpeningHours.always(), false),
            line("nhs-111", "NHS 111", "111", OpeningHours.always(), false),
            line("nspcc-helpline", "NSPCC helpline", "0808 800 5000",
                    OpeningHours.of(OpeningHours.Row.of("MON,TUE,WED,THU,FRI", "08:00", "22:00")), false),
            line("pace-parents", "PACE", "0113 240 5226",
                    OpeningHours.of(OpeningHours.Row.of("MON,TUE,WED,THU,FRI", "09:00", "17:00")), false),
            line("samaritans", "Samaritans", "116 123", OpeningHours.always(), true));

    private final GuideNeeds needs = new GuideNeeds();
    private final java.time.Instant tuesdayEleven = LocalDateTime.of(2026, 11, 24, 11, 0).atZone(Times.ZONE).toInstant();
    private final HelpNowService helpNow = HelpNowService.of(List.<HelpNowSource>of(() -> LINES), List.<HelpLineTopics>of(needs),
            Clock.fixed(tuesdayEleven, ZoneOffset.UTC));

    @Test
    void theStrategyMeetingGuideShowsParentAndExploitationSupportFirst() {
        var panel = helpNow.panelAt(tuesdayEleven, 3, needs.needsFor("strategy-meeting", "what-happens-next"));
        assertThat(panel).extracting(HelpNowBox.Line::name).startsWith("NSPCC helpline", "PACE")
                .doesNotContain("Police, fire or ambulance");
    }

    @Test
    void theChildMissingGuideShowsMissingPeopleFirst() {
        var panel = helpNow.panelAt(tuesdayEleven, 3, needs.needsFor("child-missing", "what-happens-next"));
        assertThat(panel.getFirst().name()).isEqualTo("Missing People");
    }

    @Test
    void aPageWithoutATopicKeepsTheUsualOrderAnd999IsNeverInTheList() {
        assertThat(helpNow.panel(3)).extracting(HelpNowBox.Line::name)
                .containsExactly("Crimestoppers", "Missing People", "NHS 111");
    }

    @Test
    void anAlwaysOpenOutOfHoursLineSaysItOnce() {
        var samaritans = helpNow.at(tuesdayEleven).stream().filter(e -> e.line().name().equals("Samaritans")).findFirst()
                .orElseThrow();
        assertThat(samaritans.when()).isEqualTo("open all day and night");
    }
}
