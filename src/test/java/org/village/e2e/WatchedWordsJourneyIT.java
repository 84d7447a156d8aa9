package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A worker keeps the watched words in a real browser (opened directly and by reload, axe on each): a word without
 * a chosen action gets a kind message and stays typed; with one it is added, listed, kept after a reload and
 * audited. A parent typing the address is refused.
 */
class WatchedWordsJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWorkerAddsAWatchedWordAndAParentCannotOpenThePage() {
        String word = "journeyword" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        signIn("worker.alex", "blue-river-stones");
        open("moderation/watched-words");
        waitForText("Only whole words count");
        assertAccessible();

        type("Word or phrase", word);
        click("Add");
        waitForText("Please choose what happens.");
        assertThat(field("Word or phrase").getAttribute("value")).as("nothing typed is lost").isEqualTo(word);

        waitFor(By.id("watched-action")).click();
        chooseInOpenSelect("watched-action", "Hold it for a moderator");
        click("Add");
        waitForText("Added. The filters use it now.");
        waitForText(word);
        assertAccessible();

        driver.navigate().refresh();
        settle();
        waitForText(word);
        assertAccessible();
        assertThat(jdbc.sql("SELECT action FROM moderation_watched_word WHERE phrase = ?").param(word)
                .query(String.class).single()).isEqualTo("HOLD");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'moderation.word.added' AND detail = ?")
                .param(word + " (HOLD)").query(Integer.class).single()).isEqualTo(1);

        signOut();
        signIn("parent.a", "sunny-garden-path");
        open("moderation/watched-words");
        waitForText("You are not allowed to see this page");
        assertThat(pageText()).doesNotContain(word, "Risk phrases");
        assertAccessible();
    }
}
