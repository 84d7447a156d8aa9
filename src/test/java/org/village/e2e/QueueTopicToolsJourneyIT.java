package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.TestUsers;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;

/**
 * Issue 10: a moderator locks, pins and moves a post's topic from the moderation queue, on a 360 px phone, the queue
 * opened straight from its address and by reload, axe on each state; a forged case number shows the kind "not there"
 * message; a parent typing the queue's address is refused.
 */
class QueueTopicToolsJourneyIT extends BrowserJourney {

    @Autowired JdbcClient jdbc;
    @Autowired ForumService forum;
    @Autowired TestUsers users;

    @AfterEach
    void signOutOfTheService() {
        users.anonymous();
    }

    private long category(String code) {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = ?").param(code).query(Long.class).single();
    }

    private void tap(By by) {
        var element = waitFor(by);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
        settle();
    }

    @Test
    void aModeratorClosesPinsAndMovesTheTopicFromTheQueueOnAPhone() {
        String author = "qt." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, "parent.a", author, "Member " + author.substring(3), "PARENT");
        String title = TestText.unique("Topic tools");
        users.as(author);
        var saved = forum.startTopic(new NewTopic(category("introductions"), title, "Hello, I am new here and glad to find you.",
                UUID.randomUUID().toString()));
        users.anonymous();
        long caseId = jdbc.sql("SELECT id FROM moderation_case WHERE subject_kind = 'forum-post' AND subject_id = ?"
                + " AND status = 'OPEN'").param(saved.postId()).query(Long.class).single();

        phoneSize();
        signIn("worker.sam", "green-kettle-morning");
        String address = "moderation/queue?tab=pending&case=" + caseId;
        open(address);
        waitFor(By.id("queue-place"));
        assertThat(driver.findElement(By.id("queue-place-title")).getText()).contains(title);
        assertThat(driver.findElement(By.id("queue-place-state")).getText()).contains("It takes replies.", "It is not pinned.");
        assertAccessible();
        assertNoSidewaysScroll();

        tap(By.id("queue-place-lock"));
        waitForText("The topic is closed to replies now.");
        tap(By.id("queue-place-pin"));
        waitForText("The topic is pinned to the top of its group.");
        assertAccessible();
        driver.navigate().refresh();
        settle();
        waitFor(By.id("queue-place"));
        assertThat(driver.findElement(By.id("queue-place-state")).getText())
                .contains("It is closed to replies.", "It is pinned to the top of its group.");
        assertThat(driver.findElement(By.id("queue-place-lock")).getText()).isEqualTo("Open to replies");

        // moving to where it is already: told kindly, nothing changes
        tap(By.id("queue-place-move"));
        waitForText("The topic is in this group already.");
        tap(By.id("queue-place-move-to"));
        chooseInOpenSelect("queue-place-move-to", "Police and court");
        tap(By.id("queue-place-move"));
        waitForText("The topic is in Police and court now.");
        assertAccessible();
        assertNoSidewaysScroll();
        assertThat(jdbc.sql("SELECT category_id FROM forum_topic WHERE id = ?").param(saved.topicId()).query(Long.class).single())
                .isEqualTo(category("police-and-court"));
        assertThat(jdbc.sql("SELECT locked FROM forum_topic WHERE id = ?").param(saved.topicId()).query(Boolean.class).single()).isTrue();

        // a forged case number: the kind "not there" message, no tools
        open("moderation/queue?tab=pending&case=987654321");
        waitForText("This item is not there any more.");
        assertThat(driver.findElements(By.id("queue-place"))).isEmpty();
        assertAccessible();

        // the queue's address is not for parents
        signOut();
        signIn("parent.b", "warm-cup-of-tea");
        open(address);
        waitForText("You are not allowed to see this page");
        assertThat(pageText()).doesNotContain(title);
    }
}
