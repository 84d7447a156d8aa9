package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceSummary;
import org.village.directory.Term;

/** A guide's "Services that can help": the right services for its topic, never withdrawn ones, none when off-topic. */
class GuideServicesIT extends IntegrationTest {

    @Autowired
    GuideNeeds needs;
    @Autowired
    DirectoryService directory;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private java.util.List<String> servicesFor(String slug) {
        String category = jdbc.sql("SELECT category_code FROM guide WHERE slug = ?").param(slug).query(String.class).single();
        return directory.forNeeds(needs.needsFor(slug, category), 4).stream().map(ServiceSummary::slug).toList();
    }

    @Test
    void everyGuideAndCategoryPointsOnlyToNeedsTheDirectoryKnows() {
        var known = directory.terms().stream().map(Term::code).toList();
        var all = new ArrayList<String>();
        jdbc.sql("SELECT slug, category_code FROM guide").query(rs -> {
            all.addAll(needs.needsFor(rs.getString(1), rs.getString(2)));
        });
        assertThat(all).isNotEmpty().allMatch(known::contains);
    }

    @Test
    void theMissingChildPathwayShowsServicesForAMissingChildBestMatchFirst() {
        var slugs = servicesFor("child-missing");
        assertThat(slugs).hasSize(4).contains("missing-people", "emergency-duty-team");
        // the brothers-and-sisters guides get sibling support, not the police
        assertThat(servicesFor("brothers-and-sisters")).contains("village-sibling-group").doesNotContain("police-999");
    }

    @Test
    void aWithdrawnServiceIsNotOfferedOnAGuide() {
        users.as("admin");
        long id = directory.bySlug("missing-people").orElseThrow().id();
        directory.withdraw(id, "Test: checking guides leave it out.");
        try {
            assertThat(servicesFor("child-missing")).doesNotContain("missing-people").hasSize(4);
        } finally {
            directory.restore(id);
        }
        assertThat(servicesFor("child-missing")).contains("missing-people");
    }

    @Test
    void aGuideNotAboutServicesShowsNone() {
        assertThat(servicesFor("who-sees-what")).isEmpty();
        assertThat(needs.needsFor("a-new-guide", "no-such-category")).isEmpty();
    }
}
