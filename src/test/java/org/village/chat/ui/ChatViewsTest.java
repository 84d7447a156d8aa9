package org.village.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import org.village.layout.SideLinks;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.TestText;
import org.village.chat.Chat;
import org.village.chat.ChatEvent;
import org.village.helpnow.HelpNowBox;
import org.village.moderation.ReportReason;
import org.village.shared.InputProblem;
import org.springframework.security.access.AccessDeniedException;

/**
 * Browserless: who sees chat, a room's first page, a send that shows as pending and then sent (hostile text shown as
 * text), a send that fails showing "Not sent yet" with a Retry that stores it once, a live message after a gap filled
 * in order with no duplicates, a closed room read-only with help now, a forged or someone else's room kindly not
 * found, and a moderator's removal shown in place.
 */
// the same context as the other browserless view tests (Spring's MOCK web environment: ChatStompConfig skips the
// WebSocket container settings there); a real server here left later browserless tests with nobody signed in
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class ChatViewsTest extends SpringBrowserlessTest {

    static {
        // the lines live only in the browser (decision 056): the view keeps their HTML for these tests
        ChatRoomView.KEEP_HTML_FOR_TESTS = true;
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.village.chat.ChatService chat;

    /** A room of our own: always open (or never), for everyone or staff only. */
    static long room(JdbcClient jdbc, boolean alwaysOpen, String audience) {
        String code = "test-" + TestText.letters(16);
        jdbc.sql("INSERT INTO chat_room (code, name, description, audience, always_open, hours_text, created_at) "
                        + "VALUES (?, ?, '', ?, ?, ?, NOW(6))")
                .params(code, TestText.unique("Room"), audience, alwaysOpen, "")
                .update();
        return jdbc.sql("SELECT id FROM chat_room WHERE code = ?").param(code).query(Long.class).single();
    }

    private ChatRoomView open(long roomId) {
        return navigate("chat/" + roomId, ChatRoomView.class);
    }

    /** Runs the UI's queue (pushed changes) on this thread, the UI's, until {@code done}: at most 10 s. */
    private void until(BooleanSupplier done) {
        await().atMost(Duration.ofSeconds(10)).pollInSameThread()
                .pollInterval(Duration.ofMillis(20)).until(() -> {
                    MockVaadin.runUIQueue();
                    return done.getAsBoolean();
                });
    }

    private List<Long> storedSeqs(long roomId) {
        return jdbc.sql("SELECT seq FROM chat_message WHERE room_id = ? AND seq IS NOT NULL ORDER BY seq")
                .param(roomId).query(Long.class).list();
    }

    @Test
    @WithUserDetails("parent.b")
    void aParentSeesChatInTheMenuAndTheirRooms() {
        long room = room(jdbc, true, "EVERYONE");
        long staffRoom = room(jdbc, true, "STAFF");
        navigate(ChatRoomsView.class);
        assertThat($(SideLinks.class).single().labels().stream()).contains("Chat");
        String text = $(ChatRoomsView.class).single().getElement().getOuterHTML();
        assertThat(text).contains("data-room=\"" + room + "\"").doesNotContain("data-room=\"" + staffRoom + "\"");
        assertThat($(HelpNowBox.class).all()).hasSize(1);
    }

    @Test
    @WithUserDetails("parent.b")
    void aSendShowsAsPendingThenSentAndHostileTextIsOnlyText() {
        long room = room(jdbc, true, "EVERYONE");
        var view = open(room);
        assertThat(view.title()).startsWith("Room ");
        String hostile = "<img src=x onerror=alert(1)> </script> [link](javascript:alert(1)) " + TestText.letters(8);
        test($(TextArea.class).id("chat-input")).setValue(hostile);
        test($(Button.class).id("chat-send")).click();
        // at once: a pending line, the box empty for the next message
        assertThat($(TextArea.class).id("chat-input").getValue()).isEmpty();
        until(() -> view.pendingStates().isEmpty() && view.shownSeqs().size() == 1);
        var html = view.linesHtml();
        assertThat(html).contains("&lt;img").doesNotContain("<img").doesNotContain("javascript:").doesNotContain("<script");
        assertThat(storedSeqs(room)).containsExactly(1L);
    }

    @Test
    @WithUserDetails("parent.b")
    void aFailedSendSaysNotSentAndRetryStoresItOnce() {
        long room = room(jdbc, true, "EVERYONE");
        var view = open(room);
        var calls = new AtomicInteger();
        view.useSender((chat, roomId, clientId, body) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the network went away");
            }
            return chat.send(roomId, clientId, body);
        });
        String words = TestText.unique("Hello");
        test($(TextArea.class).id("chat-input")).setValue(words);
        test($(Button.class).id("chat-send")).click();
        until(() -> view.pendingStates().containsValue(PendingLine.State.FAILED));
        // the words are safe: in the failed line and back in the box
        assertThat($(TextArea.class).id("chat-input").getValue()).isEqualTo(words);
        assertThat($(Button.class).withClassName("chat-retry").single().isVisible()).isTrue();
        // pressing Send again with the same words is the same message (its client id), never a second one
        test($(Button.class).id("chat-send")).click();
        until(() -> view.pendingStates().isEmpty());
        until(() -> view.shownSeqs().size() == 1);
        assertThat(storedSeqs(room)).containsExactly(1L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Long.class).single())
                .isEqualTo(1L);
    }

    @Test
    @WithUserDetails("parent.b")
    void aLiveMessageAfterAGapIsFilledInOrderWithNoDuplicates() {
        long room = room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        var view = open(room);
        // three messages stored by someone else while this page heard nothing (another node, a lost event)
        for (long seq = 1; seq <= 3; seq++) {
            jdbc.sql("UPDATE chat_room SET last_seq = ? WHERE id = ?").params(seq, room).update();
            jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at) "
                    + "VALUES (?, ?, ?, ?, 'Sunflower', ?, ?, 'SHOWN', NOW(6))")
                    .params(room, seq, "c" + seq, other, "words " + seq, "words " + seq).update();
        }
        var third = new Chat.Message(0, room, 3L, "c3", other, "Sunflower", "words 3", Instant.now(), Chat.Status.SHOWN);
        view.deliver(new ChatEvent.MessageStored(room, third));
        view.deliver(new ChatEvent.MessageStored(room, third));
        assertThat(view.shownSeqs()).containsExactly(1L, 2L, 3L);
        assertThat($(Div.class).id("chat-announce").getText()).contains("Sunflower says:");
        // catch-up again (the push connection came back): still once each
        view.catchUp();
        assertThat(view.shownSeqs()).containsExactly(1L, 2L, 3L);
    }

    @Test
    @WithUserDetails("parent.b")
    void aClosedRoomIsReadOnlyWithHelpNow() {
        long room = room(jdbc, false, "EVERYONE");
        open(room);
        assertThat($(Paragraph.class).id("chat-read-only").getText()).contains("closed now");
        assertThat($(TextArea.class).all()).isEmpty();
        assertThat($(HelpNowBox.class).all()).isNotEmpty();
    }

    @Test
    @WithUserDetails("parent.b")
    void aForgedOrStaffOnlyRoomIsKindlyNotFound() {
        long staffRoom = room(jdbc, true, "STAFF");
        for (String path : List.of("chat/999999999", "chat/abc", "chat/-1", "chat/" + staffRoom,
                "chat/99999999999999999999999")) {
            navigate(path, ChatRoomView.class);
            assertThat($(H1.class).id("chat-not-found").getText()).isEqualTo("We could not find that room");
        }
    }

    @Test
    @WithUserDetails("worker.sam")
    void aModeratorRemovesAMessageAndItSaysSoInPlace() {
        long room = room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        jdbc.sql("UPDATE chat_room SET last_seq = 1 WHERE id = ?").param(room).update();
        jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at) "
                + "VALUES (?, 1, 'x1', ?, 'Sunflower', 'unkind words', 'unkind words', 'SHOWN', NOW(6))")
                .params(room, other).update();
        var view = open(room);
        assertThat($(Div.class).id("chat-tools").getChildren().count()).isEqualTo(1);
        long messageId = jdbc.sql("SELECT id FROM chat_message WHERE room_id = ?").param(room).query(Long.class).single();
        String before = view.linesHtml();
        assertThat(before).contains("data-act=\"delete\"", "data-act=\"mute\"", "data-act=\"report\"", "unkind words");
        // a forged id does nothing
        view.act("delete", messageId + 1_000_000);
        view.act("delete", messageId);
        until(() -> view.linesHtml().contains("chat-removed"));
        assertThat(view.linesHtml())
                .contains("Removed by a moderator.").doesNotContain("unkind words");
        // the writer is taken out of the room, then let back from the room tools
        test($(com.vaadin.flow.component.select.Select.class).id("chat-member")).selectItem("Sunflower");
        test($(Button.class).id("chat-remove-member")).click();
        assertThat(jdbc.sql("SELECT removed FROM chat_member WHERE room_id = ? AND account_id = ?").params(room, other)
                .query(Boolean.class).single()).isTrue();
        test($(Button.class).withClassName("chat-let-back").single()).click();
        assertThat(jdbc.sql("SELECT removed FROM chat_member WHERE room_id = ? AND account_id = ?").params(room, other)
                .query(Boolean.class).single()).isFalse();
        assertThat($(Button.class).withClassName("chat-let-back").all()).isEmpty();
        assertThat(view.shownSeqs()).containsExactly(1L);
        assertThat(jdbc.sql("SELECT status FROM chat_message WHERE room_id = ?").param(room).query(String.class).single())
                .isEqualTo("DELETED");
    }
    @Test
    @WithUserDetails("parent.b")
    void aMentionIsMarkedAndTellsSomeoneWhoIsNotHere() {
        long room = room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        jdbc.sql("UPDATE chat_room SET last_seq = 1 WHERE id = ?").param(room).update();
        jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at) "
                + "VALUES (?, 1, 'm1', ?, 'Sunflower', 'hello all', 'hello all', 'SHOWN', NOW(6))").params(room, other).update();
        var view = open(room);
        test($(TextArea.class).id("chat-input")).setValue("@Sunflower are you there " + TestText.letters(6));
        test($(Button.class).id("chat-send")).click();
        until(() -> view.shownSeqs().size() == 2);
        var html = view.linesHtml();
        assertThat(html).contains("<mark class=\"chat-mention\">@Sunflower</mark>");
        // the live copy may show before the send's own answer, which is what tells the person: wait for that
        until(() -> jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND text_key = 'chat.notify.mentioned' "
                + "AND link = ?").params(other, "/chat/" + room).query(Long.class).single() == 1L);
        until(() -> view.pendingStates().isEmpty());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE account_id = ? AND text_key = 'chat.notify.mentioned' "
                + "AND link = ?").params(other, "/chat/" + room).query(Long.class).single()).isEqualTo(1L);
    }

    /** Messages 1..count in a room, written by someone else, as if stored earlier. */
    private void stored(long room, long author, int from, int to) {
        for (int seq = from; seq <= to; seq++) {
            jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at) "
                    + "VALUES (?, ?, ?, ?, 'Sunflower', ?, ?, 'SHOWN', NOW(6))")
                    .params(room, seq, "w" + seq, author, "words " + seq, "words " + seq).update();
        }
        jdbc.sql("UPDATE chat_room SET last_seq = ? WHERE id = ?").params(to, room).update();
    }

    private static List<Long> range(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    @WithUserDetails("parent.b")
    void aRoomOpensWithItsLatestMessagesAndEarlierOnesComeWhenAskedFor() {
        long room = room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        stored(room, other, 1, 45);
        var view = open(room);
        // the latest few only (each line on the page is kept on the server while the page is open: decision 089)
        assertThat(view.shownSeqs()).isEqualTo(range(46 - ChatRoomView.FIRST, 45));
        var older = $(Button.class).id("chat-older");
        assertThat(older.isVisible()).isTrue();
        test(older).click();
        assertThat(view.shownSeqs()).isEqualTo(range(Math.max(1, 46 - ChatRoomView.FIRST - ChatRoomView.PAGE), 45));
        while (older.isVisible()) {
            test(older).click();
        }
        assertThat(view.shownSeqs()).isEqualTo(range(1, 45));
    }

    @Test
    @WithUserDetails("parent.b")
    void whenVaadinRebuildsThePageInTheBrowserTheLinesAreDrawnAgainOnceEach() {
        long room = room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        stored(room, other, 1, 12);
        var view = open(room);
        assertThat(view.linesOnPage()).isEqualTo(12);
        String before = view.linesHtml();
        // what Vaadin does when a browser asks to be resynchronised (a lost message, a phone waking up): every
        // component is detached and attached again and the browser builds the page afresh, without the lines that
        // live only in it (decision 056)
        var internals = com.vaadin.flow.component.UI.getCurrent().getInternals();
        internals.getStateTree().runExecutionsBeforeClientResponse();
        internals.dumpPendingJavaScriptInvocations(); // what the browser already has
        internals.getStateTree().prepareForResync();
        internals.getStateTree().runExecutionsBeforeClientResponse(); // as the response to the browser is written
        var sentAgain = internals.dumpPendingJavaScriptInvocations().stream()
                .map(i -> i.getInvocation().getExpression()).toList();
        assertThat(sentAgain).filteredOn(js -> js.contains("villageChat.clear(")).hasSize(1);
        assertThat(sentAgain).filteredOn(js -> js.contains("villageChat.put(")).hasSize(12);
        assertThat(view.linesOnPage()).isEqualTo(12);
        assertThat(view.linesHtml()).isEqualTo(before);
        assertThat(view.shownSeqs()).isEqualTo(range(1, 12));
    }

    @Test
    @WithUserDetails("parent.b")
    void aPageOpenAllEveningKeepsOnlyTheLatestMessagesAndEarlierOnesComeBack() {
        long room = room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        var view = open(room);
        assertThat(view.shownSeqs()).isEmpty();
        int many = ChatRoomView.KEPT + 10;
        stored(room, other, 1, many);
        for (long seq = 1; seq <= many; seq++) {
            view.deliver(new ChatEvent.MessageStored(room, new Chat.Message(seq, room, seq, "w" + seq, other, "Sunflower",
                    "words " + seq, Instant.EPOCH, Chat.Status.SHOWN)));
        }
        // live messages all evening: the page keeps the latest KEPT, in order, once each
        assertThat(view.shownSeqs()).isEqualTo(range(11, many));
        assertThat(view.linesOnPage()).isEqualTo(ChatRoomView.KEPT);
        // the lines live in the browser only: no element per line on the server (decision 056)
        assertThat($(MessageLine.class).all()).isEmpty();
        var older = $(Button.class).id("chat-older");
        assertThat(older.isVisible()).isTrue();
        // the ones that left come back when asked for, in order, with nothing twice
        test(older).click();
        assertThat(view.shownSeqs()).isEqualTo(range(1, many));
        assertThat(older.isVisible()).isFalse();
    }

    @Test
    void aLinesHtmlIsKeptInLatin1WithTheSameMeaning() {
        assertThat(MessageLine.latin1("plain <b>text</b> &amp; é")).isEqualTo("plain <b>text</b> &amp; é");
        assertThat(MessageLine.latin1("Sunflower\u2019s \uD83D\uDE00 <span title=\"\u0142\">x</span>"))
                .isEqualTo("Sunflower&#8217;s &#128512; <span title=\"&#322;\">x</span>");
    }

    /**
     * Decision 056: a line's buttons reach the server as an action and a message id from the browser. A parent's forged
     * ids and actions do nothing on the page, and the service says no again (not a moderator; a room they may not join).
     */
    @Test
    @WithUserDetails("parent.b")
    void aParentsForgedActionsFromTheBrowserDoNothing() {
        long room = room(jdbc, true, "EVERYONE");
        long staffRoom = room(jdbc, true, "STAFF");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        for (long r : List.of(room, staffRoom)) {
            jdbc.sql("UPDATE chat_room SET last_seq = 1 WHERE id = ?").param(r).update();
            jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status, created_at) "
                    + "VALUES (?, 1, 'f1', ?, 'Sunflower', 'some words', 'some words', 'SHOWN', NOW(6))").params(r, other).update();
        }
        long visible = jdbc.sql("SELECT id FROM chat_message WHERE room_id = ?").param(room).query(Long.class).single();
        long hidden = jdbc.sql("SELECT id FROM chat_message WHERE room_id = ?").param(staffRoom).query(Long.class).single();
        var view = open(room);
        assertThat(view.linesHtml()).contains("data-act=\"report\"").doesNotContain("data-act=\"delete\"", "data-act=\"mute\"");
        view.act("delete", visible);
        view.act("mute", visible);
        view.act("report", hidden);
        view.act("report", -1);
        assertThat($(ChatReport.class).all()).isEmpty();
        assertThat($(MutePanel.class).all()).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM chat_message WHERE id = ?").param(visible).query(String.class).single())
                .isEqualTo("SHOWN");
        // the service checks again, whatever the page did
        assertThatThrownBy(() -> chat.delete(visible, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> chat.report(hidden, ReportReason.UNKIND, null)).isInstanceOf(InputProblem.class);
        // what the parent may do works: a report form for the message they can see
        view.act("report", visible);
        assertThat($(ChatReport.class).all()).hasSize(1);
    }
}
