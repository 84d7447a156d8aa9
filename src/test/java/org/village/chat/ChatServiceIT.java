package org.village.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.IntegrationTest;
import org.village.MovableClock;
import org.village.TestText;
import org.village.TestUsers;
import org.village.chat.Chat.Audience;
import org.village.chat.Chat.Refusal;
import org.village.chat.Chat.Refused;
import org.village.chat.Chat.Status;
import org.village.chat.Chat.Stored;
import org.village.chat.internal.ChatStore;
import org.village.chat.internal.Presences;
import org.village.moderation.DutyRota;
import org.village.moderation.FilterLists;
import org.village.moderation.ModeratedContent;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModerationQueue;
import org.village.moderation.ReportReason;
import org.village.moderation.Subject;
import org.village.moderation.TextFilters;
import org.village.moderation.WatchAction;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * The chat service as the views and the API use it: history paging and catch-up, a retry with the same client id,
 * refusals with their codes, hours, slow mode, mutes and the flood limit with a clock the test moves (no sleeps),
 * the filters (held, urgent, blocked), moderators' actions told live, and who may see which room.
 */
class ChatServiceIT extends IntegrationTest {

    @Autowired ChatService chat;
    @Autowired ChatStore store;
    @Autowired JdbcClient jdbc;
    @Autowired TestUsers users;
    @Autowired CurrentUser currentUser;
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
    @Autowired FilterLists lists;
    @Autowired List<ModeratedContent> contents;

    ChatFixture data;
    MovableClock clock;
    ChatService timed;

    @BeforeEach
    void setUp() {
        data = new ChatFixture(jdbc, store);
        clock = new MovableClock(Instant.parse("2026-06-10T12:00:00Z"));
        timed = new ChatService(store, currentUser, clock, tx, fanout, presences, listeners, filters, queue, desk, rota,
                notifications, audit, readCommitted, silences, 3, Duration.ofSeconds(10));
    }

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private static Chat.Message stored(Chat.Sent sent) {
        assertThat(sent).as("stored").isInstanceOf(Stored.class);
        return ((Stored) sent).message();
    }

    private static Refusal refusal(Chat.Sent sent) {
        assertThat(sent).as("refused").isInstanceOf(Refused.class);
        return ((Refused) sent).refusal();
    }

    private static String id() {
        return "c-" + TestText.letters(12);
    }

    @Test
    void historyPagesInStoredOrderAndCatchesUpFromALastNumber() {
        long room = data.openRoom();
        String a = data.parent();
        String b = data.parent();
        var heard = new CopyOnWriteArrayList<ChatEvent>();
        users.as(b);
        var listening = chat.listen(room, heard::add);
        try {
            for (int i = 1; i <= 7; i++) {
                users.as(i % 2 == 0 ? b : a);
                assertThat(stored(chat.send(room, id(), "Message number " + i)).seq()).isEqualTo((long) i);
            }
        } finally {
            listening.remove();
        }
        users.as(a);
        assertThat(chat.history(room, 0, 3)).extracting(Chat.Message::seq).containsExactly(1L, 2L, 3L);
        assertThat(chat.history(room, 3, 3)).extracting(Chat.Message::seq).containsExactly(4L, 5L, 6L);
        assertThat(chat.history(room, 6, 50)).extracting(Chat.Message::body).containsExactly("Message number 7");
        assertThat(chat.history(room, 7, 50)).isEmpty();
        assertThat(chat.older(room, 5, 2)).extracting(Chat.Message::seq).containsExactly(3L, 4L);
        assertThat(chat.latest(room, 2)).extracting(Chat.Message::seq).containsExactly(6L, 7L);
        assertThat(chat.room(room).orElseThrow().lastSeq()).isEqualTo(7);
        assertThat(heard).filteredOn(e -> e instanceof ChatEvent.MessageStored).hasSize(7)
                .extracting(e -> ((ChatEvent.MessageStored) e).message().seq()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        // typing is told at most once every few seconds per person and room
        users.as(b);
        var typing = new CopyOnWriteArrayList<ChatEvent>();
        var watching = chat.listen(room, typing::add);
        try {
            assertThat(chat.typing(room)).isTrue();
            for (int i = 0; i < 20; i++) {
                assertThat(chat.typing(room)).isFalse();
            }
        } finally {
            watching.remove();
        }
        assertThat(typing).singleElement().isInstanceOf(ChatEvent.Typing.class);
        // presence: here while a view is open (two views: here until both close)
        var first = chat.enter(room);
        var second = chat.enter(room);
        long bId = data.id(b);
        assertThat(chat.present(room)).extracting(Chat.Present::accountId).containsExactly(bId);
        first.remove();
        assertThat(chat.present(room)).extracting(Chat.Present::accountId).containsExactly(bId);
        second.remove();
        assertThat(chat.present(room)).isEmpty();
        users.as(a);
        // read marker: forward only
        chat.markRead(room, 5);
        chat.markRead(room, 2);
        assertThat(chat.room(room).orElseThrow().lastRead()).isEqualTo(5);
        assertThat(chat.room(room).orElseThrow().unread()).isEqualTo(2);
    }

    @Test
    void aRetryWithTheSameClientIdGivesTheFirstMessageAndOtherWordsAreRefused() {
        long room = data.openRoom();
        users.as(data.parent());
        String clientId = id();
        var first = stored(chat.send(room, clientId, "Hello everyone"));
        var again = chat.send(room, clientId, "Hello everyone");
        assertThat(((Stored) again).again()).isTrue();
        assertThat(((Stored) again).message().id()).isEqualTo(first.id());
        assertThat(refusal(chat.send(room, clientId, "Something else"))).isEqualTo(Refusal.CLIENT_ID_REUSED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aRetryGetsTheFirstMessageBackWhateverChangedSince() {
        // the earlier copy is looked for under the room's lock (decision 054), before any refusal of the room or person
        long room = data.openRoom();
        users.as(data.parent());
        String clientId = id();
        var first = stored(chat.send(room, clientId, "Hello again"));
        jdbc.sql("UPDATE chat_room SET read_only = TRUE WHERE id = ?").param(room).update();
        var whileReadOnly = chat.send(room, clientId, "Hello again");
        assertThat(((Stored) whileReadOnly).again()).isTrue();
        assertThat(((Stored) whileReadOnly).message().id()).isEqualTo(first.id());
        // the room now for staff only: not for this parent any more, but their retry still gets its answer
        jdbc.sql("UPDATE chat_room SET audience = 'STAFF', read_only = FALSE WHERE id = ?").param(room).update();
        var notForThemNow = chat.send(room, clientId, "Hello again");
        assertThat(((Stored) notForThemNow).message().id()).isEqualTo(first.id());
        assertThat(refusal(chat.send(room, clientId, "Other words"))).isEqualTo(Refusal.CLIENT_ID_REUSED);
        assertThat(refusal(chat.send(room, id(), "A new message"))).isEqualTo(Refusal.NOT_ALLOWED);
        // a retry of text the rules refuse before the lock (here: empty) is refused; nothing was stored under it
        assertThat(refusal(chat.send(room, id(), "   "))).isEqualTo(Refusal.EMPTY);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_message WHERE room_id = ?").param(room).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void badInputIsRefusedWithACodeAndKindWordsAndHostileTextIsKeptAsText() {
        long room = data.openRoom();
        users.as(data.parent());
        assertThat(refusal(chat.send(room, id(), "   "))).isEqualTo(Refusal.EMPTY);
        assertThat(refusal(chat.send(room, id(), null))).isEqualTo(Refusal.EMPTY);
        var tooLong = chat.send(room, id(), "a".repeat(Chat.MAX_CHARS + 1));
        assertThat(refusal(tooLong)).isEqualTo(Refusal.TOO_LONG);
        assertThat(((Refused) tooLong).message(Locale.ENGLISH)).contains("1,001").contains("1,000").contains("still here");
        assertThat(((Refused) tooLong).message(Locale.forLanguageTag("pl"))).contains("znaków");
        // exactly the limit, counted in characters (an emoji is one)
        assertThat(stored(chat.send(room, id(), "😀".repeat(Chat.MAX_CHARS))).seq()).isNotNull();
        assertThat(refusal(chat.send(room, id(), "bell \u0007 here"))).isEqualTo(Refusal.BAD_TEXT);
        assertThat(refusal(chat.send(room, id(), "nul \u0000"))).isEqualTo(Refusal.BAD_TEXT);
        assertThat(refusal(chat.send(room, "", "hi"))).isEqualTo(Refusal.BAD_CLIENT_ID);
        assertThat(refusal(chat.send(room, "x".repeat(65), "hi"))).isEqualTo(Refusal.BAD_CLIENT_ID);
        assertThat(refusal(chat.send(room, "<script>", "hi"))).isEqualTo(Refusal.BAD_CLIENT_ID);
        assertThat(refusal(chat.send(room, id(), ">".repeat(40) + " deep"))).isEqualTo(Refusal.BAD_TEXT);
        // direction marks and zero-width characters go; the words stay
        assertThat(stored(chat.send(room, id(), "he\u202Ello\u200B there")).body()).isEqualTo("hello there");
        String hostile = "</script><img src=x onerror=alert(1)> [x](javascript:alert(1)) ' OR 1=1 --";
        assertThat(stored(chat.send(room, id(), hostile)).body()).isEqualTo(hostile);
        assertThat(refusal(chat.send(room + 1_000_000, id(), "forged"))).isEqualTo(Refusal.NOT_ALLOWED);
    }

    @Test
    void whoMaySeeWhichRoom() {
        long staffRoom = data.room(Audience.STAFF, true, "");
        long parentsRoom = data.room(Audience.PARENTS, true, "");
        long everyone = data.openRoom();
        String parent = data.parent();
        String peer = data.peer();
        String worker = data.worker();

        users.as(parent);
        assertThat(chat.rooms()).extracting(Chat.Room::id).contains(parentsRoom, everyone).doesNotContain(staffRoom);
        assertThat(chat.room(staffRoom)).isEmpty();
        assertThat(chat.mayJoin(staffRoom)).isFalse();
        assertThatThrownBy(() -> chat.history(staffRoom, 0, 10)).isInstanceOf(InputProblem.class);
        assertThat(refusal(chat.send(staffRoom, id(), "let me in"))).isEqualTo(Refusal.NOT_ALLOWED);
        assertThatThrownBy(() -> chat.listen(staffRoom, e -> { })).isInstanceOf(InputProblem.class);

        users.as(peer);
        assertThat(chat.rooms()).extracting(Chat.Room::id).contains(everyone).doesNotContain(parentsRoom, staffRoom);

        users.as(worker);
        assertThat(chat.rooms()).extracting(Chat.Room::id).contains(everyone, parentsRoom, staffRoom);

        users.anonymous();
        assertThatThrownBy(() -> chat.rooms()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> chat.send(everyone, id(), "hi")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRemovedMemberNoLongerSeesTheRoomUntilLetBack() {
        long room = data.openRoom();
        String parent = data.parent();
        users.as(parent);
        stored(chat.send(room, id(), "I am here"));
        users.as(data.worker());
        chat.remove(room, data.id(parent), true);
        users.as(parent);
        assertThat(chat.rooms()).extracting(Chat.Room::id).doesNotContain(room);
        assertThat(refusal(chat.send(room, id(), "still here?"))).isEqualTo(Refusal.NOT_ALLOWED);
        assertThatThrownBy(() -> chat.history(room, 0, 10)).isInstanceOf(InputProblem.class);
        users.as(data.worker());
        assertThat(chat.restricted(room)).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(data.id(parent));
            assertThat(r.removed()).isTrue();
            assertThat(r.name()).isNotBlank();
        });
        chat.remove(room, data.id(parent), false);
        assertThat(chat.restricted(room)).isEmpty();
        users.as(parent);
        assertThat(stored(chat.send(room, id(), "back again")).seq()).isEqualTo(2L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('chat.member.removed', 'chat.member.restored')"
                + " AND target = ?").param("chat:room:" + room).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void hoursOpenAndCloseTheRoomWithTheClockAndWorkersCanOverride() {
        long room = data.room(Audience.EVERYONE, false, "Mon-Sun 19:00-23:00");
        String parent = data.parent();
        Instant sevenPm = ZonedDateTime.of(LocalDate.of(2026, 6, 10), LocalTime.of(19, 0), Times.ZONE).toInstant();
        clock.move(Duration.between(clock.instant(), sevenPm.minusSeconds(60)));
        users.as(parent);
        var closed = timed.room(room).orElseThrow();
        assertThat(closed.open()).isFalse();
        assertThat(closed.opensAt()).isEqualTo(sevenPm);
        var refused = timed.send(room, id(), "Too early");
        assertThat(refusal(refused)).isEqualTo(Refusal.CLOSED);
        assertThat(((Refused) refused).until()).isEqualTo(sevenPm);
        assertThat(((Refused) refused).message(Locale.ENGLISH)).contains("Help now");

        clock.move(Duration.ofSeconds(60));
        assertThat(timed.room(room).orElseThrow().open()).isTrue();
        assertThat(timed.room(room).orElseThrow().closesAt()).isEqualTo(sevenPm.plus(Duration.ofHours(4)));
        stored(timed.send(room, id(), "Evening all"));
        clock.move(Duration.ofHours(4));
        assertThat(refusal(timed.send(room, id(), "Too late"))).isEqualTo(Refusal.CLOSED);

        // a worker opens it early, then closes it
        users.as(data.worker());
        timed.openUntil(room, clock.instant().plus(Duration.ofHours(1)));
        users.as(parent);
        assertThat(timed.room(room).orElseThrow().open()).isTrue();
        stored(timed.send(room, id(), "Opened early"));
        users.as(data.worker());
        timed.closeUntil(room, clock.instant().plus(Duration.ofMinutes(30)));
        users.as(parent);
        assertThat(refusal(timed.send(room, id(), "Closed now"))).isEqualTo(Refusal.CLOSED);
        users.as(data.worker());
        timed.readOnly(room, true);
        timed.usualHours(room);
        users.as(parent);
        assertThat(refusal(timed.send(room, id(), "Read only"))).isEqualTo(Refusal.READ_ONLY);
        users.as(parent);
        assertThatThrownBy(() -> timed.openUntil(room, clock.instant().plusSeconds(60))).isInstanceOf(AccessDeniedException.class);
        users.as(data.worker());
        assertThatThrownBy(() -> timed.openUntil(room, clock.instant().minusSeconds(60))).isInstanceOf(InputProblem.class);
    }

    @Test
    void slowModeMuteAndTheFloodLimitFollowTheClock() {
        long room = data.openRoom();
        String parent = data.parent();
        String worker = data.worker();
        users.as(worker);
        timed.slowMode(room, 30);
        users.as(parent);
        stored(timed.send(room, id(), "One"));
        clock.move(Duration.ofSeconds(10));
        var slow = timed.send(room, id(), "Two");
        assertThat(refusal(slow)).isEqualTo(Refusal.SLOW_MODE);
        assertThat(((Refused) slow).message(Locale.ENGLISH)).contains("30").contains("20");
        clock.move(Duration.ofSeconds(20));
        stored(timed.send(room, id(), "Two"));

        users.as(worker);
        timed.slowMode(room, 0);
        timed.mute(room, data.id(parent), Duration.ofMinutes(5));
        users.as(parent);
        assertThat(refusal(timed.send(room, id(), "Muted?"))).isEqualTo(Refusal.MUTED);
        assertThat(timed.room(room).orElseThrow().mutedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        users.as(worker);
        assertThat(timed.restricted(room)).extracting(Chat.Restricted::mutedUntil)
                .containsExactly(clock.instant().plus(Duration.ofMinutes(5)));
        users.as(parent);
        assertThatThrownBy(() -> timed.restricted(room)).isInstanceOf(AccessDeniedException.class);
        clock.move(Duration.ofMinutes(5));
        stored(timed.send(room, id(), "Back"));

        // flood: 3 in 10 seconds here (this instance's setting)
        clock.move(Duration.ofMinutes(1));
        stored(timed.send(room, id(), "a"));
        stored(timed.send(room, id(), "b"));
        stored(timed.send(room, id(), "c"));
        var flood = timed.send(room, id(), "d");
        assertThat(refusal(flood)).isEqualTo(Refusal.RATE_LIMITED);
        assertThat(((Refused) flood).message(Locale.ENGLISH)).contains("wait");
        clock.move(Duration.ofSeconds(11));
        stored(timed.send(room, id(), "d"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action IN ('chat.room.slow-mode', 'chat.member.muted')"
                + " AND target = ?").param("chat:room:" + room).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void filtersHoldPersonalDetailsRaiseRisksAndRefuseBlockedWords() {
        long room = data.openRoom();
        String writer = data.parent();
        String reader = data.parent();
        users.as(writer);
        var held = chat.send(room, id(), "Ring me on 07700 900123 tonight");
        var heldMessage = stored(held);
        assertThat(heldMessage.status()).isEqualTo(Status.HELD);
        assertThat(heldMessage.seq()).isNull();
        assertThat(((Stored) held).heldCode()).isEqualTo("held");
        assertThat(chat.waiting(room)).extracting(Chat.Message::id).containsExactly(heldMessage.id());
        assertThat(openCases(heldMessage.id())).containsExactly("HELD");

        var urgent = chat.send(room, id(), "Someone is banging on the door and shouting.");
        assertThat(((Stored) urgent).urgent()).isTrue();
        assertThat(((Stored) urgent).heldCode()).isEqualTo("urgent");
        assertThat(openCases(((Stored) urgent).message().id())).containsExactly("URGENT");

        users.as(reader);
        assertThat(chat.history(room, 0, 50)).isEmpty();
        assertThat(chat.waiting(room)).isEmpty();
        assertThat(chat.room(room).orElseThrow().lastSeq()).isZero();

        String word = "zorbl" + TestText.letters(5).toLowerCase(Locale.ROOT);
        users.as("worker.sam");
        var added = lists.addWatchedWord(word, WatchAction.BLOCK, "We do not allow adverts.");
        try {
            users.as(writer);
            var blocked = chat.send(room, id(), "Buy " + word + " now");
            assertThat(refusal(blocked)).isEqualTo(Refusal.BLOCKED);
            assertThat(((Refused) blocked).message(Locale.ENGLISH)).contains("We do not allow adverts.");
        } finally {
            users.as("worker.sam");
            lists.removeWatchedWord(added.id());
        }

        // a moderator approves the held one: it takes the next number and is told to the room
        var heard = new CopyOnWriteArrayList<ChatEvent>();
        users.as(reader);
        var listening = chat.listen(room, heard::add);
        try {
            users.as("worker.sam");
            var content = contents.stream().filter(c -> c.kind().equals(Subject.CHAT_MESSAGE)).findFirst().orElseThrow();
            assertThat(content.find(heldMessage.id()).orElseThrow().state()).isEqualTo("HELD");
            assertThat(content.apply(heldMessage.id(), "HELD", new ModeratedContent.Decision(ModeratedContent.Action.APPROVE,
                    null, null, data.id("worker.sam")))).isEqualTo(ModeratedContent.Outcome.DONE);
            assertThat(content.apply(heldMessage.id(), "HELD", new ModeratedContent.Decision(ModeratedContent.Action.APPROVE,
                    null, null, data.id("worker.sam")))).isEqualTo(ModeratedContent.Outcome.ALREADY_CHANGED);
        } finally {
            listening.remove();
        }
        users.as(reader);
        assertThat(chat.history(room, 0, 50)).extracting(Chat.Message::seq, Chat.Message::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, heldMessage.id()));
        assertThat(heard).filteredOn(e -> e instanceof ChatEvent.MessageStored).hasSize(1);
    }

    @Test
    void aModeratorDeletesAMessageAndEveryoneIsToldAtOnce() {
        long room = data.openRoom();
        String parent = data.parent();
        users.as(parent);
        var m = stored(chat.send(room, id(), "Something unkind"));
        var heard = new CopyOnWriteArrayList<ChatEvent>();
        users.as(data.parent());
        var listening = chat.listen(room, heard::add);
        users.as(parent);
        assertThatThrownBy(() -> chat.delete(m.id(), "no")).isInstanceOf(AccessDeniedException.class);
        try {
            users.as(data.worker());
            assertThat(chat.delete(m.id(), "unkind")).isTrue();
            assertThat(chat.delete(m.id(), "unkind")).isFalse();
        } finally {
            listening.remove();
        }
        assertThat(heard).singleElement().isInstanceOfSatisfying(ChatEvent.MessageChanged.class, e -> {
            assertThat(e.message().deleted()).isTrue();
            assertThat(e.message().body()).isEmpty();
            assertThat(e.message().seq()).isEqualTo(m.seq());
        });
        users.as(parent);
        assertThat(chat.history(room, 0, 10)).singleElement().satisfies(x -> {
            assertThat(x.deleted()).isTrue();
            assertThat(x.body()).isEmpty();
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'chat.message.deleted' AND target = ?")
                .param("chat:message:" + m.id()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aMemberReportsAMessageAndItGoesToTheQueue() {
        long room = data.openRoom();
        String writer = data.parent();
        users.as(writer);
        var m = stored(chat.send(room, id(), "Something to report " + TestText.letters(5)));
        assertThatThrownBy(() -> chat.report(m.id(), ReportReason.UNKIND, null)).isInstanceOf(InputProblem.class);
        users.as(data.parent());
        assertThat(chat.report(m.id(), ReportReason.UNKIND, "not nice")).isEqualTo(ModerationDesk.Reported.THANKS);
        assertThat(openCases(m.id())).containsExactly("REPORTED");
        assertThatThrownBy(() -> chat.report(m.id(), ReportReason.UNKIND, null)).isInstanceOf(InputProblem.class);

        // enough members report it: hidden at once for everyone, told to the room once
        var heard = new CopyOnWriteArrayList<ChatEvent>();
        var listening = chat.listen(room, heard::add);
        try {
            users.as(data.parent());
            assertThat(chat.report(m.id(), ReportReason.NOT_SAFE, null)).isEqualTo(ModerationDesk.Reported.THANKS);
            users.as(data.parent());
            assertThat(chat.report(m.id(), ReportReason.SPAM, null)).isEqualTo(ModerationDesk.Reported.HIDDEN_NOW);
        } finally {
            listening.remove();
        }
        assertThat(heard).singleElement().isInstanceOfSatisfying(ChatEvent.MessageChanged.class,
                e -> assertThat(e.message().deleted()).isTrue());
        assertThat(chat.history(room, 0, 10)).singleElement().satisfies(x -> assertThat(x.body()).isEmpty());
    }

    @Test
    void newMembersFirstMessagesWaitWhenTheRoomAsksForIt() {
        long room = data.openRoom();
        users.as(data.worker());
        chat.holdNewMembers(room, true);
        users.as(data.parent());
        var first = stored(chat.send(room, id(), "Hello, I am new"));
        assertThat(first.status()).isEqualTo(Status.HELD);
        assertThat(openCases(first.id())).containsExactly("PENDING");
    }

    @Test
    void theStartingRoomsAreThereWithTheirHours() {
        var evening = store.roomByCode("evening-circle").orElseThrow();
        assertThat(evening.name()).isEqualTo("Evening parent circle");
        assertThat(evening.hoursText()).isEqualTo("Mon-Sun 19:00-23:00");
        Instant half = ZonedDateTime.of(LocalDate.of(2026, 6, 10), LocalTime.of(20, 30), Times.ZONE).toInstant();
        Instant noon = ZonedDateTime.of(LocalDate.of(2026, 6, 10), LocalTime.of(12, 0), Times.ZONE).toInstant();
        assertThat(ChatService.openAt(evening, ChatService.hours(evening), half)).isTrue();
        assertThat(ChatService.openAt(evening, ChatService.hours(evening), noon)).isFalse();
        assertThat(store.roomByCode("brothers-and-sisters").orElseThrow().audience()).isEqualTo(Audience.PARENTS);
        assertThat(store.rooms()).anyMatch(r -> r.code().startsWith("area-"));
        var anyHour = store.roomByCode("try-chat").orElseThrow();
        assertThat(anyHour.alwaysOpen()).isTrue();
        users.as(data.parent());
        assertThat(chat.room(anyHour.id()).orElseThrow().open()).isTrue();
    }

    private List<String> openCases(long messageId) {
        return jdbc.sql("SELECT kind FROM moderation_case WHERE subject_kind = ? AND subject_id = ? AND status = 'OPEN'")
                .params(Subject.CHAT_MESSAGE, messageId).query(String.class).list();
    }
}
