package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestText;
import org.village.TestAccounts;
import org.village.TestUsers;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;
import org.village.forum.PostStatus;

/**
 * The moderation queue in real browsers, each page opened directly and by reload, axe on each: (a) a new parent's
 * first topic waits for a moderator; a worker in another browser approves it from the queue; a third browser (another
 * parent) reads it. (b) Three different parents report one post through its Report control (hostile words in the
 * optional text), it is hidden for a fourth reader, and the queue shows it as reported with three reports. A parent
 * typing the queue's address is refused.
 */
class ModerationJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForumService forum;
    @Autowired
    TestUsers users;

    private final List<WebDriver> others = new ArrayList<>();

    @AfterEach
    void closeOtherBrowsers() {
        users.anonymous();
        for (WebDriver d : others) {
            d.quit();
        }
    }

    /** Starts another browser with its own profile and cookies; the earlier one stays open, to switch back to. */
    private WebDriver anotherBrowser() throws Exception {
        others.add(driver);
        startBrowser();
        return driver;
    }

    private void use(WebDriver browser) {
        driver = browser;
        wait = new WebDriverWait(browser, java.time.Duration.ofSeconds(20));
    }

    private long introductions() {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
    }

    private String freshParent(String from) {
        String name = "mj." + UUID.randomUUID().toString().substring(0, 8);
        TestAccounts.copy(jdbc, from, name, "Member " + name.substring(3), "PARENT");
        return name;
    }

    @Test
    void aNewParentsTopicWaitsAWorkerApprovesItInAnotherBrowserAndAThirdBrowserReadsIt() throws Exception {
        String newcomer = freshParent("parent.a");
        String title = TestText.unique("Queue journey");
        WebDriver parentBrowser = driver;
        signIn(newcomer, "sunny-garden-path");
        open("forum/new?category=" + introductions());
        type("Title", title);
        type("Your post", "Hello everyone, I am new here and glad to find you.");
        settle();
        click("Post topic");
        wait.until(d -> d.getCurrentUrl().contains("/forum/topic/"));
        settle();
        String topicPath = driver.getCurrentUrl().replaceFirst("^https?://[^/]+/", "").replaceFirst("\\?.*$", "");
        waitForText("Waiting for a moderator");
        assertAccessible();
        driver.navigate().refresh();
        settle();
        waitForText("Waiting for a moderator");
        long postId = jdbc.sql("SELECT p.id FROM forum_post p JOIN forum_topic t ON t.id = p.topic_id WHERE t.title = ?")
                .param(title).query(Long.class).single();
        long caseId = jdbc.sql("SELECT id FROM moderation_case WHERE subject_kind = 'forum-post' AND subject_id = ?"
                + " AND kind = 'PENDING' AND status = 'OPEN'").param(postId).query(Long.class).single();

        // a worker, in another browser, opens the queue straight from its address
        anotherBrowser();
        signIn("worker.sam", "green-kettle-morning");
        open("moderation/queue?tab=pending");
        waitFor(By.id("queue-case-" + caseId));
        assertThat(pageText()).contains("Moderation queue", "New members (");
        assertAccessible();
        var openCase = driver.findElement(By.cssSelector("#queue-case-" + caseId + " .queue-open"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", openCase);
        wait.until(ExpectedConditions.elementToBeClickable(openCase)).click();
        settle();
        waitFor(By.id("queue-detail-title"));
        assertThat(driver.getCurrentUrl()).contains("case=" + caseId);
        driver.navigate().refresh();
        settle();
        waitFor(By.id("queue-detail-title"));
        assertThat(driver.findElement(By.id("queue-body")).getText()).contains("Hello everyone, I am new here");
        assertThat(pageText()).contains("Family:");
        assertAccessible();
        click("Approve");
        waitForText("Done. The post can be read.");
        assertAccessible();

        // a third browser: another parent reads it, directly and after a reload
        anotherBrowser();
        signIn("parent.b", "warm-cup-of-tea");
        open(topicPath);
        waitForText(title);
        waitForText("Hello everyone, I am new here");
        assertThat(pageText()).doesNotContain("Waiting for a moderator");
        assertAccessible();
        driver.navigate().refresh();
        settle();
        waitForText("Hello everyone, I am new here");
        // and the queue's address is not for parents
        open("moderation/queue?tab=pending&case=" + caseId);
        waitForText("You are not allowed to see this page");
        assertThat(pageText()).doesNotContain("Hello everyone", "New members (");
        assertAccessible();

        // the writer's own page no longer says it waits
        use(parentBrowser);
        driver.navigate().refresh();
        settle();
        waitForText("Hello everyone, I am new here");
        assertThat(pageText()).doesNotContain("Waiting for a moderator");
    }

    @Test
    void threeParentsReportAPostItIsHiddenForAFourthReaderAndTheQueueShowsItReported() throws Exception {
        users.as("parent.a");
        // long enough that its place in the queue ("Introductions › …") has to wrap on a phone
        String title = TestText.unique("Reported journey, with a title long enough to wrap on a phone");
        var post = forum.startTopic(new NewTopic(introductions(), title, "Words some people find unkind.",
                UUID.randomUUID().toString()));
        users.anonymous();
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
        String topicPath = "forum/topic/" + post.topicId();

        for (int i = 1; i <= 3; i++) {
            signOut();
            signIn(freshParent("parent.b"), "warm-cup-of-tea");
            open(topicPath);
            waitForText("Words some people find unkind.");
            if (i == 1) {
                assertAccessible();
            }
            var report = waitFor(By.cssSelector("#post-" + post.postId() + " .forum-report-open"));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", report);
            wait.until(ExpectedConditions.elementToBeClickable(report)).click();
            settle();
            waitFor(By.cssSelector("#post-" + post.postId() + " .forum-report-reason"));
            var unkind = driver.findElement(By.xpath("//*[@id='post-" + post.postId() + "']//vaadin-radio-button[normalize-space(.)='It is unkind or rude']//label"));
            ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", unkind);
            unkind.click();
            type("Anything else you want to tell the moderators (you do not have to)", "Report " + i + " " + Hostile.EVERYTHING.substring(0, Math.min(400, Hostile.EVERYTHING.length())));
            settle();
            if (i == 1) {
                assertAccessible();
            }
            click("Next");
            waitForText("Send this report?");
            if (i == 1) {
                assertAccessible();
            }
            click("Yes, send the report");
            waitForText(i < 3 ? "A moderator will look at this post" : "it is hidden now");
        }
        assertThat(jdbc.sql("SELECT status FROM forum_post WHERE id = ?").param(post.postId()).query(String.class).single())
                .isEqualTo("HIDDEN");

        // a fourth reader: the topic is gone for them, opened directly and after a reload
        signOut();
        signIn("parent.b", "warm-cup-of-tea");
        open(topicPath);
        waitForText("We could not find that");
        assertThat(pageText()).doesNotContain("Words some people find unkind.");
        driver.navigate().refresh();
        settle();
        waitForText("We could not find that");
        assertAccessible();

        // the queue shows it as reported, three times
        signOut();
        signIn("worker.alex", "blue-river-stones");
        open("moderation/queue?tab=reported");
        long caseId = jdbc.sql("SELECT id FROM moderation_case WHERE subject_kind = 'forum-post' AND subject_id = ?"
                + " AND kind = 'REPORTED' AND status = 'OPEN'").param(post.postId()).query(Long.class).single();
        var line = waitFor(By.id("queue-case-" + caseId));
        assertThat(line.getText()).contains("reports: 3", title);
        assertAccessible();
        open("moderation/queue?tab=reported&case=" + caseId);
        waitFor(By.id("queue-detail-title"));
        assertThat(pageText()).contains("Reports (3)", "It is unkind or rude", "Hidden");
        assertThat(pageText()).doesNotContain("Family:");
        assertAccessible();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("queue-approve")));

        // on a phone the long place wraps: the page never scrolls sideways (it did: a button's label does not wrap)
        phoneSize();
        open("moderation/queue?tab=reported");
        waitFor(By.id("queue-case-" + caseId));
        assertNoSidewaysScroll();
        assertAccessible();
    }
}
