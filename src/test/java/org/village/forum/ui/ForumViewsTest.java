package org.village.forum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import org.village.layout.SideLinks;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;

/** Browserless: who sees the forum, the kind "not here" page, and a refused reply that keeps its text. */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class ForumViewsTest extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;

    private List<String> menu() {
        return $(SideLinks.class).single().labels();
    }

    private long waitingTopicOfTheNewParent() {
        return jdbc.sql("SELECT t.id FROM forum_topic t JOIN user_account u ON u.id = t.author_id"
                + " WHERE u.username = 'parent.c' AND t.status = 'PENDING' ORDER BY t.id LIMIT 1").query(Long.class).single();
    }

    @Test
    @WithUserDetails("parent.b")
    void aParentSeesTheForumWithItsCategoriesAndWhoCanReadIt() {
        navigate(ForumView.class);
        assertThat(menu()).contains("Forum");
        String text = $(ForumView.class).single().getElement().getTextRecursively();
        assertThat(text).contains("only signed-in families and staff", "Moderators read everything", "Introductions",
                "Local group: North Bristol");
        assertThat(text).as("only moderators see what waits").doesNotContain("Waiting for a moderator (");
    }

    @Test
    @WithUserDetails("worker.sam")
    void aModeratorSeesWhatWaitsAndCanApproveItInItsTopic() {
        navigate(ForumView.class);
        assertThat($(Div.class).id("forum-waiting").getElement().getTextRecursively()).contains("Waiting for a moderator (");
        navigate("forum/topic/" + waitingTopicOfTheNewParent(), TopicView.class);
        var approve = $(Button.class).withClassName("forum-approve").first();
        assertThat(approve.getText()).isEqualTo("Approve");
        assertThat(approve.getElement().getAttribute("aria-label")).startsWith("Approve the post by ");
    }

    @Test
    @WithUserDetails("parent.b")
    void aForgedOrHiddenTopicIsAKindNotHerePage() {
        navigate("forum/topic/999999999", TopicView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("We could not find that");
        navigate("forum/topic/abc", TopicView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("We could not find that");
        navigate("forum/topic/" + waitingTopicOfTheNewParent(), TopicView.class);
        assertThat($(H1.class).single().getText()).isEqualTo("We could not find that");
    }

    @Test
    @WithUserDetails("parent.c")
    void theNewParentSeesTheirOwnWaitingPost() {
        navigate("forum/topic/" + waitingTopicOfTheNewParent(), TopicView.class);
        assertThat($(TopicView.class).single().getElement().getTextRecursively())
                .contains("Waiting for a moderator. Only you and the moderators can see this post");
    }

    @Test
    @WithUserDetails("parent.b")
    void anEmptyReplyIsRefusedKindlyAndAHostilePreviewIsText() {
        long topic = jdbc.sql("SELECT id FROM forum_topic WHERE status = 'PUBLISHED' AND NOT locked ORDER BY id LIMIT 1")
                .query(Long.class).single();
        navigate("forum/topic/" + topic, TopicView.class);
        var reply = $(TextArea.class).id("forum-reply");
        test(reply).setValue("   ");
        test($(Button.class).id("forum-post-button")).click();
        assertThat(reply.isInvalid()).isTrue();
        assertThat(reply.getErrorMessage()).contains("Your post is empty");

        test(reply).setValue("<img src=x onerror=alert(1)> **bold**");
        test($(Button.class).id("forum-preview-button")).click();
        String preview = $(Div.class).id("forum-preview").getChildren()
                .map(c -> c.getElement().getProperty("innerHTML", "")).reduce("", String::concat);
        assertThat(preview).contains("&lt;img src=x onerror=alert(1)&gt;", "<strong>bold</strong>").doesNotContain("<img");
        assertThat(reply.getValue()).isEqualTo("<img src=x onerror=alert(1)> **bold**");
    }
}
