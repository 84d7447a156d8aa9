package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.families.FamilyService;
import org.village.security.People;

/**
 * The light reads booking uses on its busy paths (decision 097) give what the full reads give, and keep the same
 * access rule: {@link FamilyService#members} is refused, and audited, for a parent of another family.
 */
class LightFamilyReadsIT extends IntegrationTest {

    @Autowired
    FamilyService families;
    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    @Test
    void membersAreTheSameAsTheFamilysAndOnlyForThoseWhoMaySeeIt() {
        var data = new BookingFixture(jdbc);
        var f = data.family("Zara", "Amir");
        var other = data.family("Kit");
        jdbc.sql("UPDATE user_account SET language = 'pl' WHERE id = ?").param(f.parentId()).update();

        users.as(f.username());
        var full = families.family(f.id());
        var light = families.members(f.id());
        assertThat(light.parents()).extracting(FamilyService.Person::id, FamilyService.Person::displayName)
                .containsExactlyElementsOf(full.parents().stream()
                        .map(p -> org.assertj.core.groups.Tuple.tuple(p.id(), p.displayName())).toList());
        assertThat(light.children()).extracting(FamilyService.Person::id, FamilyService.Person::displayName)
                .containsExactlyElementsOf(full.children().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.id(), c.name())).toList());
        assertThat(light.children()).extracting(FamilyService.Person::displayName).containsExactly("Zara", "Amir");

        int deniedBefore = denied(other.id());
        assertThatThrownBy(() -> families.members(other.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(denied(other.id())).as("the refusal is audited").isEqualTo(deniedBefore + 1);

        // the batch reads of the reminder job agree with the one-at-a-time reads
        var parents = people.parentsOfFamilies(List.of(f.id(), other.id()));
        assertThat(parents.get(f.id())).containsExactlyElementsOf(people.parentsOf(f.id()));
        assertThat(parents.get(other.id())).containsExactlyElementsOf(people.parentsOf(other.id()));
        assertThat(people.parentNames(f.id())).containsExactlyElementsOf(people.parentsOf(f.id()));
        var languages = people.languagesOf(List.of(f.parentId(), other.parentId()));
        assertThat(languages.get(f.parentId())).isEqualTo(people.languageOf(f.parentId()).orElseThrow()).isEqualTo("pl");
        assertThat(languages.get(other.parentId())).isEqualTo(people.languageOf(other.parentId()).orElse(null));
    }

    private int denied(long familyId) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND target = ?")
                .param("family:" + familyId).query(Integer.class).single();
    }
}
