package org.village.chat;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.village.TestAccounts;
import org.village.TestText;
import org.village.chat.Chat.Audience;
import org.village.chat.internal.ChatStore;

/** Rooms and members of the chat tests' own: unique codes and names, so no test leans on seed data. */
final class ChatFixture {

    private final JdbcClient jdbc;
    private final ChatStore store;

    ChatFixture(JdbcClient jdbc, ChatStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    long room(Audience audience, boolean alwaysOpen, String hours) {
        String code = "t-" + TestText.letters(12).toLowerCase(java.util.Locale.ROOT);
        return store.createRoom(code, "Room " + TestText.letters(8), "", audience, alwaysOpen, hours, Instant.now());
    }

    long openRoom() {
        return room(Audience.EVERYONE, true, "");
    }

    /** A new parent (copy of parent.a: same family and password); returns the username. */
    String parent() {
        return person("parent.a", "PARENT");
    }

    String worker() {
        return person("worker.sam", "WORKER");
    }

    String peer() {
        return person("peer.jo", "PEER_SUPPORTER");
    }

    String person(String from, String role) {
        String username = "chat." + TestText.letters(10).toLowerCase(java.util.Locale.ROOT);
        TestAccounts.copy(jdbc, from, username, "Name " + TestText.letters(6), role);
        return username;
    }

    long id(String username) {
        return jdbc.sql("SELECT id FROM user_account WHERE username = ?").param(username).query(Long.class).single();
    }
}
