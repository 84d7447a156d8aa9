package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.helpnow.OpeningHoursParser;

/** "Open now" in SQL agrees with {@link org.village.helpnow.OpeningHours}, also past midnight and at weekends. */
class OpenNowIT extends DirectoryIntegrationTest {

    @Autowired
    DirectoryService directory;

    private Instant at;

    private Set<String> openNow(String text) {
        var filter = new DirectoryFilter(text, null, null, null, null, at);
        return directory.search(filter, 0, 100).stream().map(ServiceSummary::slug).collect(Collectors.toSet());
    }

    @Test
    void childlineIsStillOpenAfterMidnightAndClosedBeforeItOpens() {
        at = london("2027-01-12T02:00"); // Tuesday, inside Monday's 07:30-03:30 row
        assertThat(openNow("Childline")).contains("childline");
        at = london("2027-01-12T04:00");
        assertThat(openNow("Childline")).doesNotContain("childline");
        at = london("2027-01-12T07:30");
        assertThat(openNow("Childline")).contains("childline");
    }

    @Test
    void emergencyDutyTeamIsOpenAtWeekendsAndWeekdayNightsOnly() {
        at = london("2027-01-16T13:00"); // Saturday afternoon
        assertThat(openNow("Emergency")).contains("emergency-duty-team");
        at = london("2027-01-17T23:59:30"); // Sunday, last minute: "23:59" means until midnight
        assertThat(openNow("Emergency")).contains("emergency-duty-team");
        at = london("2027-01-13T13:00"); // Wednesday office hours: First Response's job, not EDT's
        assertThat(openNow("Emergency")).doesNotContain("emergency-duty-team");
        at = london("2027-01-14T03:00"); // Thursday 3am, from Wednesday's 17:00-08:30
        assertThat(openNow("Emergency")).contains("emergency-duty-team");
        at = london("2027-01-15T23:30"); // Friday night, the row that ends at midnight
        assertThat(openNow("Emergency")).contains("emergency-duty-team");
    }

    @Test
    void alwaysOpenLinesAreAlwaysOpen() {
        at = london("2027-01-13T03:33");
        assertThat(openNow(null)).contains("samaritans", "police-999", "police-101").doesNotContain("base");
    }

    @Test
    void sqlAndOpeningHoursAgreeForEveryServiceAcrossAWinterAndASummerWeek() {
        for (String start : new String[] {"2027-01-11T00:10", "2027-07-12T00:10"}) {
            at = london(start);
            for (int step = 0; step < 140; step++) { // 140 steps of 74 minutes: a little over a week
                var expected = new HashSet<String>();
                for (var s : directory.search(DirectoryFilter.none(), 0, 100)) {
                    if (s.hours().isOpen(at)) {
                        expected.add(s.slug());
                    }
                }
                assertThat(openNow(null)).as("open at %s", at).isEqualTo(expected);
                at = at.plus(Duration.ofMinutes(74)); // an odd step, so times land on many minutes
            }
        }
    }

    /** Issue 9 item 2: a closure on a date and extra hours on a date count, in SQL as in the model. */
    @Test
    void aDatedClosureAndExtraEveningHoursCountForOpenNow() {
        signIn("admin");
        var i = directory.bySlug("brook-bristol").orElseThrow().toInput();
        var hours = OpeningHoursParser.parse(false, """
                Mon-Fri 19:00-02:00
                2027-01-13 closed Staff training
                2027-01-16 18:00-22:00 Extra Saturday evening""");
        var created = directory.create(new ServiceInput(null, "Harbour Night Line", i.organization(), i.organizationUrl(),
                i.whatTheyDo(), i.whatTheyDont(), i.forWho(), i.minAge(), i.maxAge(), i.exploitation(), i.audiences(),
                i.needs(), i.areas(), i.referral(), i.referralHow(), i.howTheyContact(), hours, true, i.languages(),
                i.cost(), "0117 496 0777", null, null, null, false, null));
        assertThat(directory.bySlug(created.slug()).orElseThrow().hours().dated()).hasSize(2);
        users.anonymous();
        String slug = created.slug();
        var expectations = java.util.Map.of(
                "2027-01-12T20:00", true,   // Tuesday evening, weekly hours
                "2027-01-13T01:00", true,   // Tuesday's row runs past midnight into the closed day: still open
                "2027-01-13T20:00", false,  // Wednesday is closed for training
                "2027-01-14T01:00", false,  // so Wednesday's row never started
                "2027-01-14T20:00", true,   // Thursday as usual
                "2027-01-16T19:00", true,   // Saturday: extra evening hours
                "2027-01-16T23:00", false);
        expectations.forEach((when, open) -> {
            at = london(when);
            assertThat(openNow("Harbour Night Line").contains(slug)).as("open at %s", when).isEqualTo(open);
            assertThat(directory.bySlug(slug).orElseThrow().hours().isOpen(at)).as("model at %s", when).isEqualTo(open);
        });
    }
}
