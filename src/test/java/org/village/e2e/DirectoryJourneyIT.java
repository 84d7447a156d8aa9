package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Journeys for services: the public directory on a phone, a child's team, and the tell-it-once profile. */
class DirectoryJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aParentFiltersTheDirectoryOnAPhoneAndOpensAService() {
        phoneSize();
        var directory = new DirectoryPages.Directory(this).open();
        assertThat(directory.resultCount()).endsWith("services");
        assertAccessible();

        directory.filter("Your postcode", "BS5 6XX");
        directory.filter("Search", "drugs");
        assertThat(pageText()).contains("Bristol Drugs Project (young people's service)")
                .doesNotContain("Southmead Project");
        directory.openService("Bristol Drugs Project (young people's service)");
        assertThat(pageText()).contains("What they do", "When they are open", "Contact", "Sample data");
        assertAccessible();

        new DirectoryPages.Directory(this).open().filter("Your postcode", "not a postcode");
        waitForText("That does not look like a postcode");

        // no map tiles can load here (no internet): circles, outlines and the list must still be there
        new DirectoryPages.Directory(this).open().showMap();
        assertThat(pageText()).contains("If the map does not load, the list below has the same services");
        assertAccessible();
    }

    @Test
    void aWorkerAddsAServiceToAChildsTeamAndTheParentSeesIt() {
        signIn("worker.sam", "green-kettle-morning");
        var team = new DirectoryPages.Team(this).openAsWorker("Family A (sample)");
        assertAccessible();
        team.add("Jay", "Empire Fighting Chance", "Boxing sessions for Jay on Saturday mornings, to build confidence.");
        team.assertCard("Empire Fighting Chance");

        signOut();
        signIn("parent.a", "sunny-garden-path");
        new DirectoryPages.Team(this).openAsParent().assertCard("Empire Fighting Chance");
        assertThat(pageText()).contains("Boxing sessions for Jay", "Empire Fighting Chance joined the team",
                "Lead professional");
        assertAccessible();
    }

    @Test
    void aParentSharesAndUnsharesTheFamilyProfile() {
        long familyA = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        signIn("parent.a", "sunny-garden-path");
        var profile = new DirectoryPages.Profile(this).openAsParent();
        profile.write("Jay likes to talk while walking, not sitting face to face.");
        profile.share("CAMHS", true);
        assertAccessible();

        signOut();
        signIn("worker.sam", "green-kettle-morning");
        open("profile/" + familyA);
        waitForText("Jay likes to talk while walking");

        signOut();
        signIn("parent.a", "sunny-garden-path");
        profile.openAsParent();
        assertThat(pageText()).contains("Sam (family support) read it on");
        profile.share("CAMHS", false);

        signOut();
        signIn("worker.sam", "green-kettle-morning");
        open("profile/" + familyA);
        waitForText("has not shared their profile");
        assertThat(pageText()).doesNotContain("Jay likes to talk while walking");
    }

    @Test
    void aParentTypingAnotherFamilysTeamAddressIsRefused() {
        long familyA = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        int before = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND target = ?")
                .param("family:" + familyA).query(Integer.class).single();
        signIn("parent.b", "warm-cup-of-tea");
        for (String path : new String[] {"team/" + familyA, "profile/" + familyA}) {
            open(path);
            waitForText("You are not allowed to see this page");
            assertThat(pageText()).doesNotContain("Jay", "BASE");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'access.denied' AND target = ?")
                .param("family:" + familyA).query(Integer.class).single()).isGreaterThanOrEqualTo(before + 1);
    }
}
