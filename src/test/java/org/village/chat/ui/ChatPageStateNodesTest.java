package org.village.chat.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.StateNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.TestText;
import org.village.layout.MainLayout;

/**
 * Browserless: what an open chat page keeps on the server, counted in Vaadin state nodes (each costs the server about
 * 1 KB of heap for as long as the page is open; issue 11's target is 150 KB per live chat session, decision 053).
 * The frame every page shares (MainLayout: skip links, menu, bell, language, quick exit, user box) and the whole
 * page with a room of 25 messages (20 shown, their lines only in the browser: decision 056) are held to a budget, so a new component in the frame is a choice, not
 * an accident.
 */
@SpringBootTest(properties = "village.db.embedded.folder=")
@ActiveProfiles("demo")
class ChatPageStateNodesTest extends SpringBrowserlessTest {

    @Autowired
    JdbcClient jdbc;

    static final int FRAME_BUDGET = 20;
    static final int PAGE_BUDGET = 40;

    @Test
    @WithUserDetails("parent.b")
    void anOpenChatPageKeepsFewStateNodes() {
        long room = ChatViewsTest.room(jdbc, true, "EVERYONE");
        long other = jdbc.sql("SELECT id FROM user_account WHERE username = 'parent.a'").query(Long.class).single();
        for (long seq = 1; seq <= 25; seq++) {
            String words = "Message " + seq + " " + TestText.letters(30);
            jdbc.sql("INSERT INTO chat_message (room_id, seq, client_id, author_id, author_name, typed, body, status,"
                            + " created_at) VALUES (?, ?, ?, ?, 'Sunflower', ?, ?, 'SHOWN', NOW(6))")
                    .params(room, seq, "c" + seq, other, words, words).update();
        }
        jdbc.sql("UPDATE chat_room SET last_seq = 25 WHERE id = ?").param(room).update();
        var view = navigate("chat/" + room, ChatRoomView.class);
        var frame = UI.getCurrent().getChildren().filter(MainLayout.class::isInstance).findFirst().orElseThrow();
        int page = nodes(UI.getCurrent().getElement());
        int frameOnly = nodes(frame.getElement()) - nodes(view.getElement());
        System.out.printf("STATE-NODES chat page %d (frame %d, the room %d)%n", page, frameOnly,
                nodes(view.getElement()));
        frame.getElement().getChildren().forEach(child -> System.out.printf("STATE-NODES  %s %s#%s %d%n",
                child.getAttribute("slot"), child.getTag(), child.getAttribute("class"), nodes(child)));
        view.getElement().getChildren().forEach(child -> System.out.printf("STATE-NODES  room %s#%s %d%n",
                child.getTag(), child.getAttribute("class"), nodes(child)));
        assertThat(frameOnly).as("state nodes of the frame").isLessThanOrEqualTo(FRAME_BUDGET);
        assertThat(page).as("state nodes of the chat page").isLessThanOrEqualTo(PAGE_BUDGET);
    }

    private static int nodes(Element element) {
        var count = new AtomicInteger();
        StateNode node = element.getNode();
        node.visitNodeTree(n -> count.incrementAndGet());
        return count.get();
    }
}
