package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.village.helpnow.HelpLine;
import org.village.helpnow.HelpNowSource;
import org.village.helpnow.OpeningHours;
import org.village.shared.InputProblem;

/** The public directory's filters, admin edits with audit, kind refusals of bad input, and help-now lines. */
class DirectoryServiceIT extends DirectoryIntegrationTest {

    @Autowired
    DirectoryService directory;
    @Autowired
    List<HelpNowSource> helpNow;

    private List<String> slugs(DirectoryFilter filter) {
        return directory.search(filter, 0, 100).stream().map(ServiceSummary::slug).toList();
    }

    private static DirectoryFilter filter(String text, String need, String area, String postcode, Integer age) {
        return new DirectoryFilter(text, need, area, postcode, age, null);
    }

    @Test
    void theSampleDirectoryIsLoadedAndMarkedAsSample() {
        assertThat(directory.count(DirectoryFilter.none())).isGreaterThanOrEqualTo(40);
        assertThat(directory.search(DirectoryFilter.none(), 0, 100)).filteredOn(ServiceSummary::sample).hasSize(40);
        assertThat(directory.terms()).hasSize(15);
        assertThat(directory.areas()).extracting(Area::code).contains("north", "east-central", "south", "bristol");
    }

    @Test
    void areaAndPostcodeShowUnequalCoverage() {
        assertThat(slugs(filter(null, null, "east-central", null, null))).contains("call-in", "base");
        assertThat(slugs(filter(null, null, "north", null, null))).doesNotContain("call-in").contains("base", "southmead-project");
        assertThat(slugs(filter(null, null, null, "bs5 6xx", null))).contains("call-in").doesNotContain("youth-moves");
        assertThat(slugs(filter(null, null, null, "BS9", null))).doesNotContain("call-in").contains("southmead-project");
    }

    @Test
    void needAgeAndTextFiltersCombine() {
        var siblings = slugs(filter(null, "sibling-support", null, null, null));
        assertThat(siblings).contains("village-sibling-group").doesNotContain("police-999");
        assertThat(slugs(filter(null, null, null, null, 7))).doesNotContain("base").contains("samaritans");
        assertThat(slugs(filter("drugs", null, null, null, null))).contains("bristol-drugs-project");
        assertThat(slugs(filter("drugs", "sibling-support", null, null, 15))).doesNotContain("bristol-drugs-project");
        int page1 = directory.search(DirectoryFilter.none(), 0, 15).size();
        int rest = directory.search(DirectoryFilter.none(), 15, 100).size();
        assertThat(page1 + rest).isEqualTo(directory.count(DirectoryFilter.none()));
    }

    @Test
    void badPostcodesAndAgesAreExplainedKindly() {
        assertThatThrownBy(() -> directory.count(filter(null, null, null, "not a postcode", null)))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("postcode");
        assertThatThrownBy(() -> directory.count(filter(null, null, null, null, 200)))
                .isInstanceOf(InputProblem.class).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> directory.count(filter(null, null, null, null, -1)))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("age");
    }

    @Test
    void adminEditsAreCheckedSavedAndAudited() {
        signIn("admin");
        var base = directory.bySlug("base").orElseThrow();
        var changed = base.toInput();
        changed = with(changed, "BASE (Barnardo's)", changed.minAge(), changed.maxAge(), changed.hours(), "BS2 0EZ");
        var saved = directory.update(base.id(), base.version(), changed);
        assertThat(saved.name()).isEqualTo("BASE (Barnardo's)");
        assertThat(auditCount("service.updated", "service:" + base.id())).isPositive();
        // a second save with the old version is refused: someone else changed it in between
        var stale = changed;
        assertThatThrownBy(() -> directory.update(base.id(), base.version(), stale)).isInstanceOf(InputProblem.class)
                .hasMessageContaining("Someone else changed");
        var back = with(changed, "BASE", changed.minAge(), changed.maxAge(), changed.hours(), "BS2 0EZ");
        directory.update(base.id(), saved.version(), back);
        assertThat(directory.bySlug("base").orElseThrow().name()).isEqualTo("BASE");
    }

    @Test
    void duplicateNamesInvertedAgesOverlappingHoursAndBadPostcodesAreRefused() {
        signIn("admin");
        var input = directory.bySlug("brook-bristol").orElseThrow().toInput();
        var fresh = new ServiceInput(null, "Brook Bristol", input.organization(), null, input.whatTheyDo(), null,
                input.forWho(), 13, 19, input.exploitation(), List.of(), List.of("sexual-health"), List.of("bristol"),
                input.referral(), null, null, input.hours(), false, List.of("English"), null, null, null, null, null,
                false, null);
        assertThatThrownBy(() -> directory.create(fresh)).isInstanceOf(InputProblem.class).extracting("field")
                .isEqualTo("name");
        assertThatThrownBy(() -> directory.create(with(fresh, "A new clinic", 19, 13, fresh.hours(), null)))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("maxAge");
        var overlapping = new OpeningHours(false, List.of(
                new OpeningHours.Row(EnumSet.of(java.time.DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0)),
                new OpeningHours.Row(EnumSet.of(java.time.DayOfWeek.MONDAY), LocalTime.of(16, 0), LocalTime.of(20, 0))));
        assertThatThrownBy(() -> directory.create(with(fresh, "A new clinic", 13, 19, overlapping, null)))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("hours");
        assertThatThrownBy(() -> directory.create(with(fresh, "A new clinic", 13, 19, fresh.hours(), "BS99 ZZZ")))
                .isInstanceOf(InputProblem.class).extracting("field").isEqualTo("postcode");
        assertThat(directory.count(filter("A new clinic", null, null, null, null))).isZero();
    }

    @Test
    void onlyAdminsEditTheDirectory() {
        signIn("worker.sam");
        var base = directory.bySlug("base").orElseThrow();
        assertThatThrownBy(() -> directory.update(base.id(), base.version(), base.toInput()))
                .isInstanceOf(AuthorizationDeniedException.class);
    }

    @Test
    void helpNowGetsTheOutOfHoursAndAlwaysOpenLinesWithTheirHours() {
        // only the directory's lines (the guides feed help-now too)
        var lines = helpNow.stream().flatMap(s -> s.helpLines().stream()).filter(l -> l.key().startsWith("service:")).toList();
        var byName = lines.stream().collect(Collectors.toMap(HelpLine::name, l -> l, (a, b) -> a));
        assertThat(byName).containsKeys("Childline", "Samaritans");
        assertThat(byName.get("Childline").hours().rows()).isNotEmpty();
        assertThat(byName.get("Samaritans").hours().alwaysOpen()).isTrue();
        assertThat(lines).filteredOn(HelpLine::emergency).extracting(HelpLine::phone).containsExactly("999");
        assertThat(lines).extracting(HelpLine::name).doesNotContain("BASE");
    }

    private static ServiceInput with(ServiceInput in, String name, Integer min, Integer max, OpeningHours hours,
                                     String postcode) {
        var address = postcode == null ? null
                : new ServiceDetail.Address(in.address() == null ? "1 Street" : in.address().line1(), "Bristol", postcode,
                in.address() == null ? null : in.address().lat(), in.address() == null ? null : in.address().lng());
        return new ServiceInput(in.name().equals(name) ? in.slug() : null, name, in.organization(), in.organizationUrl(),
                in.whatTheyDo(), in.whatTheyDont(), in.forWho(), min, max, in.exploitation(), in.audiences(), in.needs(),
                in.areas(), in.referral(), in.referralHow(), in.howTheyContact(), hours, in.outOfHours(),
                in.languages(), in.cost(), in.phone(), in.email(), in.url(), address, in.comesToYou(), in.lastChecked());
    }
}
