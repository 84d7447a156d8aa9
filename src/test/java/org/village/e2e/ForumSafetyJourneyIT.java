package org.village.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestText;
import org.village.TestUsers;
import org.village.forum.Forum.NewTopic;
import org.village.forum.ForumService;

/**
 * The writer's side of the forum's filters on a 360 px phone (issue 10, decision 079): a reply with a phone number is
 * held, the writer reads why and how to rewrite, and the words stay in the box, after the message and after a reload;
 * a new topic with a risk phrase shows 999 first and help now at once, calmly, and the post is held for a worker.
 * Hostile text goes through the title and the body; pages are opened by address and by reload; axe on each.
 */
class ForumSafetyJourneyIT extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ForumService forum;
    @Autowired
    TestUsers users;

    private Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private String value(String id) {
        return (String) js("return document.getElementById('" + id + "').value");
    }

    private long introductions() {
        return jdbc.sql("SELECT id FROM forum_category WHERE code = 'introductions'").query(Long.class).single();
    }

    @Test
    void aReplyWithAPhoneNumberIsHeldAndItsWordsStayInTheBoxThroughAReload() {
        String unique = TestText.letters(8);
        users.as("parent.a");
        var topic = forum.startTopic(new NewTopic(introductions(), "Safety journey " + unique, "Has anyone been to court?",
                UUID.randomUUID().toString()));
        users.anonymous();

        phoneSize();
        signIn("parent.a", "sunny-garden-path");
        open("forum/topic/" + topic.topicId());
        waitFor(By.id("forum-reply"));
        String reply = "Held reply " + unique + " text me on 07700 900123 " + Hostile.EVERYTHING;
        type("Your reply", reply);
        settle();
        click("Post reply");

        var notice = waitFor(By.id("forum-reply-notice"));
        wait.until(d -> notice.getText().contains("Your post is waiting for a moderator"));
        assertThat(notice.getText()).contains("We hold back phone numbers", "You can change them and save");
        assertThat(notice.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(value("forum-reply")).as("the words stay in the box").isEqualTo(reply);
        waitForText("Waiting for a moderator. Only you and the moderators can see this post");
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
        assertNoSidewaysScroll();
        assertAccessible();

        // the writer changes the words: the held post gets them, still waiting
        type("Your reply", "Held reply " + unique + " message me here instead");
        settle();
        click("Save changes to my post");
        wait.until(d -> d.findElement(By.id("forum-reply-status")).getText().contains("Your changes are saved"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM forum_post WHERE topic_id = ?").param(topic.topicId()).query(Long.class).single())
                .as("changing the held reply makes no second post").isEqualTo(2);
        type("Your reply", reply);
        settle();

        // a reload (or a dropped connection): the draft brings the words back
        driver.navigate().refresh();
        settle();
        wait.until(d -> reply.equals(value("forum-reply")));
        waitForText("Waiting for a moderator");
        assertAccessible();

        // another parent does not see the held reply
        signOut();
        signIn("parent.b", "warm-cup-of-tea");
        open("forum/topic/" + topic.topicId());
        waitForText("Has anyone been to court?");
        assertThat(pageText()).doesNotContain("Held reply " + unique);
    }

    @Test
    void aRiskPostShowsTheWriter999FirstAndHelpNowAndIsHeldForAWorker() {
        String unique = TestText.letters(8);
        phoneSize();
        signIn("parent.a", "sunny-garden-path");
        open("forum/new?category=" + introductions());
        waitFor(By.id("forum-body"));
        String title = "Tonight " + unique + " " + Hostile.SCRIPT_END + Hostile.RIGHT_TO_LEFT;
        String body = "Someone is banging on the door " + unique + " " + Hostile.EVERYTHING;
        type("Title", title);
        type("Your post", body);
        settle();
        click("Post topic");

        var notice = waitFor(By.id("forum-new-notice"));
        wait.until(d -> notice.getText().contains("999"));
        assertThat(driver.getCurrentUrl()).contains("/forum/new");
        String text = notice.getText();
        assertThat(text.indexOf("999")).as("999 comes first").isLessThan(text.indexOf("A worker is reading your post now"));
        assertThat(notice.findElements(By.cssSelector("a[href^='tel:']")).getFirst().getAttribute("href")).isEqualTo("tel:999");
        assertThat(text).contains("Thank you for telling us", "Your words are still in the box");
        assertThat(value("forum-body")).isEqualTo(body);
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
        assertNoSidewaysScroll();
        assertAccessible();

        long postId = jdbc.sql("SELECT p.id FROM forum_post p WHERE p.body LIKE ?").param("%banging on the door " + unique + "%")
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT status FROM forum_post WHERE id = ?").param(postId).query(String.class).single()).isEqualTo("HELD");
        assertThat(jdbc.sql("SELECT kind FROM moderation_case WHERE subject_kind = 'forum-post' AND subject_id = ? AND status = 'OPEN'")
                .param(postId).query(String.class).list()).containsExactly("URGENT");

        // the writer's own post, opened from the message, is marked as waiting
        click("See your post");
        wait.until(d -> d.getCurrentUrl().contains("/forum/topic/"));
        waitForText("Waiting for a moderator");
        assertAccessible();
    }
}
