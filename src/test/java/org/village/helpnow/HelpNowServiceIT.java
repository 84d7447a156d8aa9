package org.village.helpnow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.IntegrationTest;
import org.village.shared.Times;

class HelpNowServiceIT extends IntegrationTest {

    @Autowired
    HelpNowService helpNow;

    private List<HelpNowService.Entry> at(int year, int month, int day, int hour, int minute) {
        return helpNow.at(LocalDateTime.of(year, month, day, hour, minute).atZone(Times.ZONE).toInstant());
    }

    @Test
    void atThreeOnASundayMorning999ComesFirstThenOpenLinesThenTheNextToOpen() {
        var entries = at(2026, 11, 22, 3, 0); // a Sunday
        assertThat(entries.getFirst().line().phone()).isEqualTo("999");
        int lastOpen = -1;
        int firstClosed = Integer.MAX_VALUE;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).openNow()) {
                lastOpen = i;
            } else {
                firstClosed = Math.min(firstClosed, i);
            }
        }
        assertThat(lastOpen).isLessThan(firstClosed);
        var duty = entries.stream().filter(e -> e.line().name().startsWith("Emergency Duty Team") && !e.line().key().startsWith("service:")).findFirst().orElseThrow();
        assertThat(duty.openNow()).isTrue();
        assertThat(duty.when()).startsWith("out-of-hours line, open now until 8.30am");
        var firstResponse = entries.stream().filter(e -> e.line().phone().equals("0117 903 6444")).findFirst().orElseThrow();
        assertThat(firstResponse.openNow()).isFalse();
        assertThat(firstResponse.when()).isEqualTo("closed now, opens tomorrow at 8.30am");
        // closed lines are in the order they open: NSPCC (Sunday 9am) before First Response (Monday)
        var closed = entries.stream().filter(e -> !e.openNow()).map(e -> e.line().phone()).toList();
        assertThat(closed.indexOf("0808 800 5000")).isLessThan(closed.indexOf("0117 903 6444"));
    }

    @Test
    void onATuesdayMorningFirstResponseIsOpenAndTheDutyTeamIsNot() {
        var entries = at(2026, 11, 24, 10, 0);
        var firstResponse = entries.stream().filter(e -> e.line().phone().equals("0117 903 6444")).findFirst().orElseThrow();
        assertThat(firstResponse.openNow()).isTrue();
        assertThat(firstResponse.when()).isEqualTo("open now until 5pm");
        var duty = entries.stream().filter(e -> e.line().name().startsWith("Emergency Duty Team") && !e.line().key().startsWith("service:")).findFirst().orElseThrow();
        assertThat(duty.openNow()).isFalse();
        assertThat(duty.when()).isEqualTo("out-of-hours line, closed now, opens 5pm");
    }
}
