package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
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
    void anAdminWithdrawsAServiceThenUndoesItAndPutsItBackLater() throws Exception {
        String name = "St Giles Trust young people's mentoring";
        String uuid = jdbc.sql("SELECT uuid FROM dir_service WHERE slug = 'st-giles-trust'").query(String.class).single();
        signIn("admin", "quiet-harbour-lamp");
        var admin = new DirectoryPages.AdminServices(this).open().choose(name);
        admin.startWithdrawing(name, "The mentoring project has closed.");
        screenshot("withdraw-confirm-desktop");
        assertAccessible();
        admin.confirmWithdraw(name);
        assertThat(api("/api/oruk/services?per_page=100")).doesNotContain(uuid);
        assertThat(api("/api/oruk/services/" + uuid)).contains("\"status\":404");
        admin.undo(name);
        assertThat(api("/api/oruk/services?per_page=100")).contains(uuid);

        // withdraw for real: the public directory no longer lists it and an old link explains kindly
        admin.choose(name).startWithdrawing(name, "The mentoring project has closed.");
        admin.confirmWithdraw(name);
        signOut();
        phoneSize();
        new DirectoryPages.Directory(this).open().filter("Search", "St Giles");
        assertThat(pageText()).doesNotContain(name);
        open("services/st-giles-trust");
        waitForText("This service is no longer listed in our directory");
        assertThat(pageText()).doesNotContain("What they do", "When they are open");
        screenshot("withdrawn-service-phone");
        assertAccessible();

        signIn("admin", "quiet-harbour-lamp");
        admin.open().choose(name);
        waitForText("Withdrawn on");
        assertThat(pageText()).contains("The mentoring project has closed.");
        screenshot("withdrawn-admin-phone");
        assertAccessible();
        admin.putBack(name);
        assertThat(api("/api/oruk/services/" + uuid)).contains("\"id\":\"" + uuid + "\"").doesNotContain("\"status\":404");
        // audit rows come from a listener just after each change commits (decision 066)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('service.withdrawn', 'service.restored')"
                        + " AND detail LIKE 'St Giles%'").query(Integer.class).single()).isEqualTo(4));
    }

    @Test
    void anAdminImportsAFeedFromAFileAfterAKindRefusalOfTheWrongFiles() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        String giles = jdbc.sql("SELECT uuid FROM dir_service WHERE slug = 'st-giles-trust'").query(String.class).single();
        var record = (tools.jackson.databind.node.ObjectNode) json.readTree(api("/api/oruk/services/" + giles));
        record.put("id", java.util.UUID.randomUUID().toString());
        record.put("name", "Uploaded Mentoring Project");
        ((tools.jackson.databind.node.ObjectNode) record.get("x_village")).remove("slug");
        var dir = Files.createTempDirectory("village-upload-");
        var good = Files.writeString(dir.resolve("new-services.json"), json.createArrayNode().add(record).toString());
        var notJson = Files.writeString(dir.resolve("services.txt"), "not a feed");
        var broken = Files.writeString(dir.resolve("broken.json"), "[{\"id\": \"cut short");

        signIn("admin", "quiet-harbour-lamp");
        var admin = new DirectoryPages.AdminServices(this).open();
        admin.upload(notJson);
        waitForText("Please choose a JSON file (its name ends in .json). Nothing was imported.");
        admin.upload(broken);
        waitForText("This file is not JSON, so we cannot read it.");
        admin.upload(good);
        waitForText("The file new-services.json is ready.");
        DirectoryPages.reveal(this, driver.findElement(By.cssSelector("vaadin-upload.feed-file")));
        screenshot("import-file-ready-desktop");
        assertAccessible();

        DirectoryPages.press(this, "Preview");
        waitForText("Preview: nothing is saved yet. 1 new, 0 changed, 0 unchanged, 0 failed.");
        assertThat(api("/api/oruk/services?text=Uploaded")).doesNotContain("Uploaded Mentoring Project");
        DirectoryPages.press(this, "Import");
        waitForText("Imported. 1 new, 0 changed, 0 unchanged, 0 failed.");
        assertThat(api("/api/oruk/services?text=Uploaded")).contains("Uploaded Mentoring Project");
        phoneSize();
        DirectoryPages.reveal(this, driver.findElement(By.xpath("//vaadin-button[normalize-space(.)='Import']")));
        screenshot("import-file-done-phone");
        assertAccessible();
    }

    @Test
    void aWorkerRemovesAServiceAddedByMistakeAndTheParentIsNotMisled() throws Exception {
        String service = "The Green House";
        signIn("worker.sam", "green-kettle-morning");
        var team = new DirectoryPages.Team(this).openAsWorker("Family A (sample)");
        team.add("Jay", service, "Added to the wrong child by mistake.");
        team.assertCard(service);
        phoneSize();
        team.removeByMistake(service, "Jay");
        screenshot("team-remove-confirm-phone");
        assertAccessible();
        team.confirmRemove(service, "Jay");
        screenshot("team-removed-phone");

        signOut();
        signIn("parent.a", "sunny-garden-path");
        new DirectoryPages.Team(this).openAsParent();
        waitForText(service + " was put on Jay's team by mistake, so we have taken it off.");
        assertThat(pageText()).doesNotContain("Added to the wrong child", service + " joined the team");
        assertThat(driver.findElements(By.xpath("//vaadin-button[normalize-space(.)='Remove']"))).isEmpty();

        // another family's worker typing Family A's address gets no team and no Remove buttons
        long familyA = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        signOut();
        signIn("worker.alex", "blue-river-stones");
        open("team/" + familyA);
        waitForText("You are not allowed to see this page");
        assertThat(driver.findElements(By.xpath("//vaadin-button[normalize-space(.)='Remove']"))).isEmpty();
    }

    private String api(String path) throws Exception {
        try (var http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url(path.substring(1)))).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    /** Keeps a picture of the page for people to look at (target/screenshots); asserts nothing. */
    private void screenshot(String name) throws java.io.IOException {
        var dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aParentSharesAndUnsharesTheFamilyProfile() {
        long familyA = jdbc.sql("SELECT id FROM family WHERE label = 'Family A (sample)'").query(Long.class).single();
        signIn("parent.a", "sunny-garden-path");
        var profile = new DirectoryPages.Profile(this).openAsParent();
        profile.write("Jay likes to talk while walking, not sitting face to face.");
        profile.share("Sam (family support)", true);
        assertAccessible();

        signOut();
        signIn("worker.sam", "green-kettle-morning");
        open("profile/" + familyA);
        waitForText("Jay likes to talk while walking");

        signOut();
        signIn("parent.a", "sunny-garden-path");
        profile.openAsParent();
        assertThat(pageText()).contains("Sam (family support) read it on");
        profile.share("Sam (family support)", false);

        signOut();
        signIn("worker.sam", "green-kettle-morning");
        open("profile/" + familyA);
        waitForText("has not chosen you");
        assertThat(pageText()).doesNotContain("Jay likes to talk while walking");
        driver.navigate().refresh();
        waitForText("has not chosen you");
        assertThat(pageText()).doesNotContain("Jay likes to talk while walking");

        signOut();
        signIn("admin", "quiet-harbour-lamp");
        open("profile/" + familyA);
        waitForText("You are not allowed to see this page");
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
