package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestText;
import org.village.chat.Chat.Status;
import org.village.chat.internal.ChatStore;

/**
 * The room's change counter (decision 084) is kept by the database: moderators changing many messages of one room at
 * once get one number each, none twice, the room's counter ends at the last one, and a second click on a change
 * already made changes nothing. What other nodes read after an outage is every changed message once, as it is now.
 */
class ChatChangesIT extends IntegrationTest {

    static final int THREADS = 8;

    @Autowired ChatStore store;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired Clock clock;

    @Test
    void changesMadeAtOnceGetOneNumberEachAndADoubleClickChangesNothing() throws Exception {
        var fixture = new ChatFixture(jdbc, store);
        long room = fixture.openRoom();
        long author = fixture.id(fixture.parent());
        var ids = new ArrayList<Long>();
        for (int i = 0; i < THREADS; i++) {
            String words = TestText.unique("Changed at once");
            ids.add(tx.execute(s -> {
                store.lockRoom(room);
                long seq = store.nextSeq(room);
                return store.insert(room, seq, TestText.letters(16), author, "Robin", words, words, Status.SHOWN, clock.instant());
            }));
        }
        var before = store.roomChanges(room).orElseThrow();
        assertThat(before.messages()).isZero();

        // each message removed twice at once (a double click), all messages at once
        var pool = Executors.newFixedThreadPool(THREADS);
        var start = new CountDownLatch(1);
        var jobs = new ArrayList<Callable<Boolean>>();
        for (long id : ids) {
            for (int twice = 0; twice < 2; twice++) {
                jobs.add(() -> {
                    start.await();
                    return store.changeStatus(id, Status.SHOWN, Status.DELETED, clock.instant());
                });
            }
        }
        var futures = jobs.stream().map(pool::submit).toList();
        start.countDown();
        int changed = 0;
        for (var f : futures) {
            changed += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();
        assertThat(changed).as("each message removed once").isEqualTo(THREADS);

        List<Long> stamps = jdbc.sql("SELECT change_seq FROM chat_message WHERE room_id = ? ORDER BY change_seq").param(room)
                .query(Long.class).list();
        assertThat(stamps).doesNotContainNull().doesNotHaveDuplicates().hasSize(THREADS);
        long counter = store.roomChanges(room).orElseThrow().messages();
        assertThat(counter).as("the room's counter is at (or past, for the second clicks) the last stamp")
                .isGreaterThanOrEqualTo(stamps.getLast()).isLessThanOrEqualTo(2L * THREADS);

        // what another node reads after an outage: each message once, removed, with no words
        var read = store.changedAfter(room, 0, counter, 3);
        var all = new ArrayList<ChatStore.Changed>(read);
        while (!read.isEmpty()) {
            read = store.changedAfter(room, all.getLast().change(), counter, 3);
            all.addAll(read);
        }
        assertThat(all).extracting(c -> c.message().id()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(all).allSatisfy(c -> assertThat(c.message().forReaders().body()).isEmpty());

        // a message restored by a moderator is read once more, as it is now
        assertThat(store.changeStatus(ids.getFirst(), Status.DELETED, Status.SHOWN, clock.instant())).isTrue();
        var again = store.changedAfter(room, counter, Long.MAX_VALUE, 10);
        assertThat(again).singleElement().satisfies(c -> assertThat(c.message().status()).isEqualTo(Status.SHOWN));
    }
}
