package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.TestText;
import org.village.TestUsers;
import org.village.chat.internal.ChatStore;
import org.village.chat.internal.Presences;
import org.village.moderation.DutyRota;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModerationQueue;
import org.village.moderation.TextFilters;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;

/**
 * Sequence numbers come from the database under the room's row lock: 16 threads sending at once into one room get
 * 1..N with no gap and no number twice, in the order the rows were stored; and one client id sent by 8 threads at
 * once is stored once, every thread getting that one message back; slow mode and the flood limit hold for one member
 * sending from many threads at once. This node tells them in their order.
 */
class ChatSequenceIT extends IntegrationTest {

    static final int THREADS = 16;
    static final int EACH = 25;

    @Autowired ChatStore store;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired CurrentUser currentUser;
    @Autowired Clock clock;
    @Autowired TransactionTemplate tx;
    @Autowired ChatFanout fanout;
    @Autowired Presences presences;
    @Autowired org.village.chat.internal.RoomListeners listeners;
    @Autowired TextFilters filters;
    @Autowired ModerationQueue queue;
    @Autowired ModerationDesk desk;
    @Autowired DutyRota rota;
    @Autowired Notifications notifications;
    @Autowired AuditLog audit;
    @Autowired org.village.shared.ReadCommittedTransactions readCommitted;
    @Autowired org.village.moderation.Silences silences;

    /** The service without the flood limit (every thread sends as fast as it can). */
    private ChatService unlimited() {
        return new ChatService(store, currentUser, clock, tx, fanout, presences, listeners, filters, queue, desk, rota, notifications,
                audit, readCommitted, silences, 1_000_000, Duration.ofSeconds(1));
    }

    @Test
    void manyWritersAtOnceGetOneToNWithNoGapsAndNoDuplicates() throws Exception {
        var data = new ChatFixture(jdbc, store);
        var chat = unlimited();
        long room = data.openRoom();
        var people = new ArrayList<String>();
        for (int i = 0; i < THREADS; i++) {
            people.add(i % 4 == 0 ? data.worker() : data.parent());
        }
        var heard = new java.util.concurrent.ConcurrentLinkedQueue<Long>();
        var listening = fanout.receive(e -> {
            if (e instanceof ChatEvent.MessageStored s && s.roomId() == room) {
                heard.add(s.message().seq());
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<List<Long>>>();
            for (String person : people) {
                futures.add(pool.submit(() -> {
                    users.as(person);
                    start.await();
                    var seqs = new ArrayList<Long>();
                    for (int n = 0; n < EACH; n++) {
                        var sent = chat.send(room, "s-" + n + "-" + TestText.letters(8), "Message " + n + " from a thread");
                        assertThat(sent).isInstanceOf(Chat.Stored.class);
                        seqs.add(((Chat.Stored) sent).message().seq());
                    }
                    users.anonymous();
                    return seqs;
                }));
            }
            start.countDown();
            var all = new ArrayList<Long>();
            for (var f : futures) {
                List<Long> mine = f.get(120, TimeUnit.SECONDS);
                assertThat(mine).as("one writer's numbers rise").isSorted();
                all.addAll(mine);
            }
            long n = (long) THREADS * EACH;
            assertThat(all).hasSize((int) n).doesNotHaveDuplicates();
            assertThat(all.stream().sorted().toList()).isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(jdbc.sql("SELECT seq FROM chat_message WHERE room_id = ? ORDER BY id").param(room).query(Long.class).list())
                    .as("numbers follow the order rows were stored").isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
            assertThat(jdbc.sql("SELECT last_seq FROM chat_room WHERE id = ?").param(room).query(Long.class).single()).isEqualTo(n);
            assertThat(new ArrayList<>(heard)).as("every stored message was told once, in order")
                    .isEqualTo(LongStream.rangeClosed(1, n).boxed().toList());
        } finally {
            listening.remove();
            pool.shutdownNow();
        }
    }

    @Test
    void slowModeAndTheFloodLimitHoldWhenOneMemberSendsFromManyThreadsAtOnce() throws Exception {
        var data = new ChatFixture(jdbc, store);
        long slowRoom = data.openRoom();
        long floodRoom = data.openRoom();
        users.as(data.worker());
        unlimited().slowMode(slowRoom, 60);
        users.anonymous();
        String person = data.parent();
        var limited = new ChatService(store, currentUser, clock, tx, fanout, presences, listeners, filters, queue, desk, rota,
                notifications, audit, readCommitted, silences, 3, Duration.ofMinutes(5));
        assertThat(storedAtOnce(limited, person, slowRoom, 8)).as("slow mode: one message a minute").isEqualTo(1);
        assertThat(storedAtOnce(limited, person, floodRoom, 8)).as("flood limit: 3 in the window").isEqualTo(3);
    }

    /** How many of {@code threads} sends by one person at the same moment were stored. */
    private int storedAtOnce(ChatService chat, String person, long room, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<Chat.Sent>>();
            for (int i = 0; i < threads; i++) {
                int n = i;
                futures.add(pool.submit((Callable<Chat.Sent>) () -> {
                    users.as(person);
                    start.await();
                    try {
                        return chat.send(room, "at-once-" + n + "-" + TestText.letters(6), "At once " + n);
                    } finally {
                        users.anonymous();
                    }
                }));
            }
            start.countDown();
            int stored = 0;
            for (var f : futures) {
                stored += f.get(60, TimeUnit.SECONDS) instanceof Chat.Stored ? 1 : 0;
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class)
                    .single()).isEqualTo(stored);
            return stored;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneClientIdSentByManyThreadsAtOnceIsStoredOnce() throws Exception {
        var data = new ChatFixture(jdbc, store);
        var chat = unlimited();
        long room = data.openRoom();
        String person = data.parent();
        String clientId = "retry-" + TestText.letters(10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        var start = new CountDownLatch(1);
        try {
            var futures = new ArrayList<Future<Chat.Sent>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit((Callable<Chat.Sent>) () -> {
                    users.as(person);
                    start.await();
                    try {
                        return chat.send(room, clientId, "The same words every time");
                    } finally {
                        users.anonymous();
                    }
                }));
            }
            start.countDown();
            var ids = new ArrayList<Long>();
            int fresh = 0;
            for (var f : futures) {
                var sent = f.get(60, TimeUnit.SECONDS);
                assertThat(sent).isInstanceOf(Chat.Stored.class);
                ids.add(((Chat.Stored) sent).message().id());
                fresh += ((Chat.Stored) sent).again() ? 0 : 1;
            }
            assertThat(ids).as("every thread got the one message").containsOnly(ids.getFirst());
            assertThat(fresh).as("stored by one thread only").isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT last_seq FROM chat_room WHERE id = ?").param(room).query(Long.class).single()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
