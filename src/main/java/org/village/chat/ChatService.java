package org.village.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.chat.Chat.Audience;
import org.village.chat.Chat.Message;
import org.village.chat.Chat.Present;
import org.village.chat.Chat.Refusal;
import org.village.chat.Chat.Refused;
import org.village.chat.Chat.Room;
import org.village.chat.Chat.Sent;
import org.village.chat.Chat.Status;
import org.village.chat.Chat.Stored;
import org.village.chat.internal.ChatStore;
import org.village.chat.internal.ChatStore.MemberRow;
import org.village.chat.internal.ChatStore.RoomRow;
import org.village.chat.internal.Presences;
import org.village.chat.internal.RoomListeners;
import org.village.content.ContentPolicy;
import org.village.content.ContentRenderer;
import org.village.helpnow.OpeningHours;
import org.village.helpnow.OpeningHoursParser;
import org.village.moderation.CaseKind;
import org.village.moderation.DutyRota;
import org.village.moderation.Finding;
import org.village.moderation.FindingKind;
import org.village.moderation.ModerationDesk;
import org.village.moderation.ModerationQueue;
import org.village.moderation.ReportReason;
import org.village.moderation.RotaPlan;
import org.village.moderation.Subject;
import org.village.moderation.TextFilters;
import org.village.moderation.Verdict;
import org.village.moderation.Writer;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;
import org.village.security.VillageUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.HiddenMarks;
import org.village.shared.InputProblem;
import org.village.shared.Times;

/**
 * Chat rooms and messages for signed-in members (issue 11, decision 080): the one entry point for the Vaadin views
 * and for the REST and STOMP controllers, so every way in gets the same checks. Who is asking comes from the
 * security context (a session or a token); an unknown room and a room this person may not join read the same ("not
 * allowed"), so ids cannot be probed.
 * <p>
 * A message is stored first, with its room's next number taken under the room's row lock, and told to others only
 * after the transaction committed ({@link ChatFanout}). A client id makes a send safe to retry: the same id with the
 * same words returns the first message; with other words it is refused.
 */
@Service
public class ChatService {

    /** A client message id: letters, digits and {@code . _ : -}, 1 to {@link Chat#CLIENT_ID_MAX} long. */
    static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + Chat.CLIENT_ID_MAX + "}");
    /** Control characters other than tab and line ends (C0, DEL, C1): refused, so nobody can hide or break text. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]");
    /** How many of a new member's first messages wait for approval in a room that holds new members. */
    public static final int NEW_MEMBER_HELD = 3;
    /** The longest mute, and the longest a worker may open or close a room for. */
    public static final Duration LONGEST = Duration.ofDays(30);
    public static final int SLOW_MODE_MAX = 3600;

    private final ChatStore store;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TransactionTemplate tx;
    /**
     * The send path's transaction on plain JDBC (decision 099): the same database and connection pool as {@link #tx},
     * without opening a Hibernate session for each message. Nothing inside may start a JPA transaction: a message
     * that raises a moderation case (held, flagged, urgent, a new member's first) is stored with {@link #tx} instead.
     */
    private final TransactionTemplate jdbcTx;
    /** No transaction of its own, but one connection for everything inside (Spring binds it to the thread). */
    private final TransactionTemplate oneConnection;
    private final ChatFanout fanout;
    private final Presences presences;
    private final RoomListeners listeners;
    private final TextFilters filters;
    private final ModerationQueue queue;
    /** Silences kept per account on this node, dropped on every node when a sanction is given (decision 113). */
    private final org.village.moderation.Silences silences;
    private final ModerationDesk desk;
    private final DutyRota rota;
    private final Notifications notifications;
    private final AuditLog audit;
    private final int burst;
    private final Duration burstWindow;
    private final java.util.concurrent.locks.ReentrantLock[] roomLocks = new java.util.concurrent.locks.ReentrantLock[256];

    ChatService(ChatStore store, CurrentUser currentUser, Clock clock, TransactionTemplate tx, ChatFanout fanout,
                Presences presences, RoomListeners listeners, TextFilters filters, ModerationQueue queue, ModerationDesk desk, DutyRota rota,
                Notifications notifications, AuditLog audit, org.village.shared.ReadCommittedTransactions readCommitted,
                org.village.moderation.Silences silences,
                @Value("${village.chat.burst:6}") int burst,
                @Value("${village.chat.burst-window:PT10S}") Duration burstWindow) {
        this.store = store;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tx = tx;
        var manager = org.village.shared.JdbcTransactions.beside(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        // a send's store: on the pool whose connections stay in autocommit off (decision 109), so a send costs no
        // SET autocommit before and after it; the room's locking read comes first, so every read after it sees the
        // latest committed state at READ COMMITTED as it did at the first read under REPEATABLE READ
        this.jdbcTx = new TransactionTemplate(readCommitted.manager());
        this.oneConnection = new TransactionTemplate(manager);
        this.oneConnection.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_SUPPORTS);
        this.fanout = fanout;
        this.presences = presences;
        this.listeners = listeners;
        this.filters = filters;
        this.queue = queue;
        this.silences = silences;
        this.desk = desk;
        this.rota = rota;
        this.notifications = notifications;
        this.audit = audit;
        this.burst = Math.max(1, burst);
        this.burstWindow = burstWindow;
        for (int i = 0; i < roomLocks.length; i++) {
            roomLocks[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    /** Thrown inside a {@link #jdbcTx} store that must raise a moderation case: undone, and stored with {@link #tx}. */
    private static final class NeedsQueue extends RuntimeException {
        NeedsQueue() {
            super(null, null, false, false);
        }
    }

    // ---- who is asking ----

    private VillageUser member() {
        VillageUser me = currentUser.get().orElseThrow(() -> new AccessDeniedException("Sign in to use chat"));
        if (!me.isParent() && !me.isPeerSupporter() && !me.isStaff()) {
            throw new AccessDeniedException("Chat is for families and staff");
        }
        return me;
    }

    private static boolean moderates(VillageUser me) {
        return me.can(Capability.MODERATE);
    }

    /** True when this person may join a room of this audience (removal is checked apart). */
    static boolean mayJoin(VillageUser me, Audience audience) {
        return switch (audience) {
            case EVERYONE -> me.isParent() || me.isPeerSupporter() || me.isStaff();
            case PARENTS -> me.isParent() || me.isStaff();
            case STAFF -> me.isStaff();
        };
    }

    /** The room, when this person may join it and was not removed from it. */
    private Optional<RoomRow> joinable(VillageUser me, long roomId) {
        return store.room(roomId).filter(r -> mayJoin(me, r.audience()))
                .filter(r -> moderates(me) || store.member(roomId, me.id()).map(m -> !m.removed()).orElse(true));
    }

    private RoomRow joinableOrRefuse(VillageUser me, long roomId) {
        return joinable(me, roomId).orElseThrow(() -> InputProblem.keyed("room", "chat.problem.notAllowed"));
    }

    private RoomRow moderated(long roomId, String action) {
        VillageUser me = member();
        if (!moderates(me)) {
            audit.recordAlways(me.actor(), "access.denied", "chat:room:" + roomId, action);
            throw new AccessDeniedException("Only moderators look after chat rooms");
        }
        return store.room(roomId).orElseThrow(() -> InputProblem.keyed("room", "chat.problem.notAllowed"));
    }

    /** True when the signed-in person looks after rooms (delete, mute, slow mode...). */
    public boolean canModerate() {
        return currentUser.get().map(ChatService::moderates).orElse(false);
    }

    /**
     * Who may join which room, as the database says now, for checking many open connections at once (the sweep of
     * STOMP connections, decision 104): two reads in all, and then the same rules as {@link #mayJoin(long)} for each
     * person, whose roles come from their checked token. Only for this node's own housekeeping: it answers for
     * anyone, so it is never given to a page or an API.
     */
    public java.util.function.BiPredicate<VillageUser, Long> whoMayJoinNow() {
        Map<Long, RoomRow> rooms = store.rooms().stream().collect(Collectors.toMap(RoomRow::id, Function.identity()));
        java.util.Set<String> removed = store.removals();
        return (person, roomId) -> {
            if (!(person.isParent() || person.isPeerSupporter() || person.isStaff())) {
                return false;
            }
            RoomRow r = rooms.get(roomId);
            return r != null && mayJoin(person, r.audience())
                    && (moderates(person) || !removed.contains(roomId + ":" + person.id()));
        };
    }

    /** True when the signed-in person may join this room now. */
    public boolean mayJoin(long roomId) {
        return currentUser.get().filter(u -> u.isParent() || u.isPeerSupporter() || u.isStaff())
                .flatMap(u -> joinable(u, roomId)).isPresent();
    }

    // ---- rooms ----

    /** The rooms the signed-in person may join, in the partnership's order. */
    public List<Room> rooms() {
        VillageUser me = member();
        Instant now = clock.instant();
        Map<Long, MemberRow> mine = store.memberships(me.id()).stream()
                .collect(Collectors.toMap(MemberRow::roomId, Function.identity()));
        var rooms = new ArrayList<Room>();
        for (RoomRow r : store.rooms()) {
            MemberRow m = mine.get(r.id());
            if (!mayJoin(me, r.audience()) || (m != null && m.removed() && !moderates(me))) {
                continue;
            }
            rooms.add(view(r, m, now));
        }
        return rooms;
    }

    /** One room, when the signed-in person may join it. */
    public Optional<Room> room(long roomId) {
        VillageUser me = member();
        return joinable(me, roomId).map(r -> view(r, store.member(roomId, me.id()).orElse(null), clock.instant()));
    }

    private Room view(RoomRow r, MemberRow m, Instant now) {
        OpeningHours hours = hours(r);
        boolean open = openAt(r, hours, now);
        Instant muted = m != null && m.mutedUntil() != null && m.mutedUntil().isAfter(now) ? m.mutedUntil() : null;
        return new Room(r.id(), r.code(), r.name(), r.description(), r.audience(), open,
                open ? null : opensAt(r, hours, now), open ? closesAt(r, hours, now) : null, r.lastSeq(),
                m == null ? 0 : Math.min(m.lastReadSeq(), r.lastSeq()), r.readOnly(), r.slowModeSeconds(),
                r.holdNewMembers(), r.alwaysOpen(), r.hoursText(), muted);
    }

    /**
     * Rooms' hours as parsed, by their text: every send asks whether its room is open, and parsing the same few
     * texts again was about 5 % of a send's CPU. Parsed hours never change (a record of immutable lists); a room
     * whose hours are edited has a new text. Bounded: cleared if it ever holds more texts than rooms could need.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, OpeningHours> PARSED_HOURS =
            new java.util.concurrent.ConcurrentHashMap<>();

    static OpeningHours hours(RoomRow r) {
        String key = (r.alwaysOpen() ? "1" : "0") + (r.hoursText() == null ? "" : r.hoursText());
        OpeningHours known = PARSED_HOURS.get(key);
        if (known != null) {
            return known;
        }
        OpeningHours parsed;
        try {
            parsed = OpeningHoursParser.parse(r.alwaysOpen(), r.hoursText());
        } catch (InputProblem unreadable) {
            parsed = new OpeningHours(false, List.of()); // never open by its hours; workers can still open it
        }
        if (PARSED_HOURS.size() > 1_000) {
            PARSED_HOURS.clear();
        }
        PARSED_HOURS.put(key, parsed);
        return parsed;
    }

    /** Members may write: not read-only, not closed by a worker, and opened early or within its hours. */
    static boolean openAt(RoomRow r, OpeningHours hours, Instant now) {
        if (r.readOnly()) {
            return false;
        }
        if (r.closedUntil() != null && now.isBefore(r.closedUntil())) {
            return false;
        }
        if (r.openedUntil() != null && now.isBefore(r.openedUntil())) {
            return true;
        }
        return hours.isOpen(now);
    }

    static Instant opensAt(RoomRow r, OpeningHours hours, Instant now) {
        if (r.readOnly()) {
            return null;
        }
        Instant from = r.closedUntil() != null && now.isBefore(r.closedUntil()) ? r.closedUntil() : now;
        if (from != now && hours.isOpen(from)) {
            return from;
        }
        return hours.nextOpening(from).orElse(null);
    }

    static Instant closesAt(RoomRow r, OpeningHours hours, Instant now) {
        if (r.openedUntil() != null && now.isBefore(r.openedUntil())) {
            Instant byHours = hours.isOpen(r.openedUntil()) ? hours.closesAt(r.openedUntil()).orElse(null) : null;
            return byHours != null ? byHours : r.openedUntil();
        }
        return hours.closesAt(now).orElse(null);
    }

    /** Who is on duty now, by display name, for the room's banner. */
    public List<String> onDuty() {
        member();
        return onDutyNow().stream().map(RotaPlan.OnDuty::name).toList();
    }

    /**
     * The rota is read as the portal's own work (no one signed in on this thread): members may not read the rota
     * itself, but a room shows who is on duty, and reports go to them.
     */
    private List<RotaPlan.OnDuty> onDutyNow() {
        var before = org.springframework.security.core.context.SecurityContextHolder.getContext();
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        try {
            return rota.onDutyAt(clock.instant());
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.setContext(before);
        }
    }

    // ---- reading ----

    /**
     * Numbered messages after {@code after} (0 for the first ones), in stored order, at most {@code limit} (1 to
     * {@link Chat#HISTORY_MAX}). A removed message is there with {@code deleted} and no words, so numbers have no gaps.
     */
    public List<Message> history(long roomId, long after, int limit) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        return store.after(roomId, Math.max(0, after), clamp(limit)).stream().map(Message::forReaders).toList();
    }

    /** The {@code limit} numbered messages just before {@code before}, in stored order, for scrolling back. */
    public List<Message> older(long roomId, long before, int limit) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        return store.before(roomId, before, clamp(limit)).stream().map(Message::forReaders).toList();
    }

    /** The newest messages of a room, in stored order (what a view shows first). */
    public List<Message> latest(long roomId, int limit) {
        return older(roomId, Long.MAX_VALUE, limit);
    }

    /** My own messages in this room that wait for a moderator (only their writer sees them). */
    public List<Message> waiting(long roomId) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        return store.waiting(roomId, me.id());
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(Chat.HISTORY_MAX, limit));
    }

    /** Moves my read marker forward to {@code seq} (never back). */
    public void markRead(long roomId, long seq) {
        VillageUser me = member();
        RoomRow r = joinableOrRefuse(me, roomId);
        store.markRead(roomId, me.id(), Math.min(Math.max(0, seq), r.lastSeq()), clock.instant());
    }

    // ---- live ----

    /**
     * Calls the listener for every event of this room on this node (from any node), until the registration is
     * removed. Events arrive in the thread that delivers them: a view hands them to its UI. Checks the person may
     * join the room now; a moderator removing them later does not stop an open listener (the view re-reads).
     */
    public ChatFanout.Registration listen(long roomId, Consumer<ChatEvent> listener) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        return listeners.add(roomId, listener);
    }

    /**
     * Marks me as here in the room (presence) until the registration is removed; each open view calls it once.
     */
    public ChatFanout.Registration enter(long roomId) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        Instant now = clock.instant();
        presences.publish(roomId, me.id(), me.displayName(), true, now);
        return () -> presences.publish(roomId, me.id(), me.displayName(), false, clock.instant());
    }

    /** Who has the room open now, by display name, in name order. */
    public List<Present> present(long roomId) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        return presences.in(roomId).stream().sorted(Comparator.comparing(Present::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * Tells the room I am typing. At most one event per person and room every {@link #TYPING_EVERY} is sent on, however
     * often a view (or a hostile client) calls, so typing never floods the fan-out. Returns true when it was sent on.
     */
    public boolean typing(long roomId) {
        VillageUser me = member();
        joinableOrRefuse(me, roomId);
        long now = System.nanoTime();
        String key = roomId + "/" + me.id();
        Long last = typingSent.get(key);
        if (last != null && now - last < TYPING_EVERY.toNanos()) {
            return false;
        }
        typingSent.put(key, now);
        if (typingSent.size() > 10_000) {
            typingSent.entrySet().removeIf(e -> now - e.getValue() > TYPING_EVERY.toNanos());
        }
        fanout.publish(new ChatEvent.Typing(roomId, me.id(), me.displayName(), clock.instant()));
        return true;
    }

    /** How often one person's typing in one room is told at most. */
    public static final Duration TYPING_EVERY = Duration.ofSeconds(3);
    private final java.util.concurrent.ConcurrentHashMap<String, Long> typingSent = new java.util.concurrent.ConcurrentHashMap<>();

    // ---- sending ----

    /**
     * Sends a message as the signed-in person. Refusals come back as {@link Refused} (nothing stored); a stored
     * message as {@link Stored} (possibly waiting for a moderator). Never throws for what a person typed.
     */
    public Sent send(long roomId, String clientId, String body) {
        VillageUser me = member();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            return refuse(Refusal.BAD_CLIENT_ID, "chat.problem.badClientId", null);
        }
        String raw = body == null ? "" : body;
        if (CONTROL.matcher(raw).find()) {
            return refuse(Refusal.BAD_TEXT, "chat.problem.controlCharacters", null);
        }
        String text = HiddenMarks.strip(raw).replace("\r\n", "\n").replace('\r', '\n').strip();
        // the reads before the room's lock share one connection: under load, each separate read queued again for
        // the pool behind every other send's reads (decision 087)
        // where the time goes, for a JFR recording only (decision 054): no clock is read unless one asks for it
        var timing = new org.village.chat.internal.ChatSendEvent();
        Timer t = timing.isEnabled() ? new Timer(timing) : null;
        if (t != null) {
            timing.begin();
            timing.room = roomId;
        }
        Before before = oneConnection.execute(s -> before(me, roomId, clientId, text));
        if (t != null) {
            timing.before = t.lap();
        }
        if (before.answer() != null) {
            return before.answer();
        }
        Verdict verdict = before.verdict();
        boolean staff = before.staff();
        try {
            Sent sent = storeRetrying(me, roomId, clientId, text, verdict, staff, t);
            if (t != null) {
                timing.commit = t.lap(); // the commit, and the hand-off to the fan-out after it
                timing.commit();
            }
            return sent;
        } catch (DuplicateKeyException sameIdAtOnce) {
            // two sends with one client id at the same moment: the other one is stored; answer with it
            return store.byClientId(roomId, me.id(), clientId, false).map(m -> again(me, m, text))
                    .orElseThrow(() -> sameIdAtOnce);
        }
    }

    /**
     * Runs a send's store in its transaction under this node's lock of the room, taken once the transaction holds its
     * pooled connection and held until the stored message was handed to the fan-out after the commit (so one node
     * publishes a room's messages in their stored order). Taking the lock first made a room's next sends wait, lock
     * held, for the holder's turn at the pool, behind every other frame (decision 054).
     */
    private Sent inRoomOrder(long roomId, Timer laps, java.util.function.Supplier<Sent> work) {
        if (laps != null) {
            laps.event.connection += laps.lap();
        }
        var inOrder = roomLock(roomId);
        inOrder.lock();
        if (laps != null) {
            laps.event.lockWait += laps.lap();
        }
        boolean handedOver = false;
        try {
            Sent sent = work.get();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    try {
                        if (status == STATUS_COMMITTED && sent instanceof Stored stored
                                && stored.message().status() == Status.SHOWN && !stored.again()) {
                            fanout.publish(new ChatEvent.MessageStored(roomId, stored.message()));
                        }
                    } finally {
                        inOrder.unlock();
                    }
                }
            });
            handedOver = true;
            return sent;
        } finally {
            if (!handedOver) {
                inOrder.unlock();
            }
        }
    }

    /** Laps of one send's {@link org.village.chat.internal.ChatSendEvent}, taken only while a recording wants it. */
    private static final class Timer {
        final org.village.chat.internal.ChatSendEvent event;
        long last = System.nanoTime();

        Timer(org.village.chat.internal.ChatSendEvent event) {
            this.event = event;
        }

        long lap() {
            long now = System.nanoTime();
            long lap = now - last;
            last = now;
            return lap;
        }
    }

    /**
     * This node's lock for a room, held from before the room's row lock until the stored message was published, so
     * one node publishes a room's messages in their order. The database's row lock already makes writers wait for
     * each other, so this costs no throughput; it only stops a later message overtaking an earlier one between commit
     * and publish.
     */
    private java.util.concurrent.locks.ReentrantLock roomLock(long roomId) {
        return roomLocks[(int) Math.floorMod(roomId * 0x9E3779B97F4A7C15L >>> 32, (long) roomLocks.length)];
    }

    /** What {@link #send} checks before the room's lock: an answer already, or the filters' verdict. */
    private record Before(Sent answer, Verdict verdict, boolean staff) {
        static Before answer(Sent answer) {
            return new Before(answer, null, false);
        }
    }

    private Before before(VillageUser me, long roomId, String clientId, String text) {
        // whether this person may write in the room is decided under the room's lock, from the locked row
        Before checked = checked(me, text);
        if (checked.answer() != null) {
            // a retry of something already stored gets the first one back, whatever changed since (a filter now
            // blocks it). Read only when the answer would be a refusal: a message that goes on is checked for an
            // earlier copy under the room's lock (store), so the usual send makes no read, and takes no pooled
            // connection, before the lock (decision 054)
            return earlier(me, roomId, clientId, text).map(Before::answer).orElse(checked);
        }
        return checked;
    }

    /** A retry's answer: the message stored earlier with this client id, or a refusal when the text differs. */
    private Optional<Sent> earlier(VillageUser me, long roomId, String clientId, String text) {
        return store.byClientId(roomId, me.id(), clientId, false).map(m -> again(me, m, text));
    }

    /** The text's own checks and the filters' verdict: a refusal, or the verdict to store with. */
    private Before checked(VillageUser me, String text) {
        if (text.isEmpty()) {
            return Before.answer(refuse(Refusal.EMPTY, "chat.problem.empty", null));
        }
        int length = text.codePointCount(0, text.length());
        if (length > Chat.MAX_CHARS) {
            return Before.answer(refuse(Refusal.TOO_LONG, "chat.problem.tooLong", null, length, Chat.MAX_CHARS));
        }
        try {
            // the same verdict as rendering it, without making HTML nobody reads (readers get the text)
            ContentRenderer.check(text, ContentPolicy.CHAT_MESSAGE);
        } catch (InputProblem tooDeep) {
            return Before.answer(refuse(Refusal.BAD_TEXT, "chat.problem.tooDeep", null));
        }
        Verdict verdict = filters.check(text, Writer.of(me));
        boolean staff = moderates(me);
        if (verdict.outcome() == Verdict.Outcome.BLOCKED || (staff && verdict.blockedBy().isPresent())) {
            String why = verdict.blockedBy().map(Finding::reason).filter(r -> r != null && !r.isBlank()).orElse("");
            return Before.answer(refuse(Refusal.BLOCKED, "moderation.hint.watched-block", null, why));
        }
        return new Before(null, verdict, staff);
    }

    /** The database may pick this transaction to undo when two wait for each other: it is tried again, twice. */
    private Sent storeRetrying(VillageUser me, long roomId, String clientId, String text, Verdict verdict, boolean staff,
                               Timer t) {
        // a verdict that raises a case goes to the queue's (JPA) transaction at once; otherwise plain JDBC, and back
        // to the JPA one only when the member turns out to be new in a room that holds new members
        boolean queue = !staff && raisesCase(verdict);
        for (int attempt = 1; ; attempt++) {
            if (t != null) {
                t.event.attempts = attempt;
            }
            try {
                if (!queue) {
                    try {
                        return jdbcTx.execute(s -> inRoomOrder(roomId, t,
                                () -> store(me, roomId, clientId, text, verdict, staff, false, t)));
                    } catch (NeedsQueue undone) {
                        queue = true;
                    }
                }
                return tx.execute(s -> inRoomOrder(roomId, t,
                        () -> store(me, roomId, clientId, text, verdict, staff, true, t)));
            } catch (org.springframework.dao.PessimisticLockingFailureException busy) {
                if (attempt == 3) {
                    throw busy;
                }
            }
        }
    }

    private Sent again(VillageUser me, Message first, String text) {
        String typed = store.typed(first.id()).orElse("");
        if (!typed.equals(text)) {
            return refuse(Refusal.CLIENT_ID_REUSED, "chat.problem.clientIdReused", null);
        }
        return new Stored(first.authorId() == me.id() ? first.forReaders() : first, true, false);
    }

    private Sent store(VillageUser me, long roomId, String clientId, String text, Verdict verdict, boolean staff,
                       boolean mayRaise, Timer laps) {
        var lockedRow = store.lockRoom(roomId);
        if (laps != null) {
            laps.event.rowLock += laps.lap();
        }
        var locked = lockedRow.filter(room -> mayJoin(me, room.audience()));
        if (locked.isEmpty()) {
            // no such room, or not for this person (any more): a retry of a message stored earlier still gets it back
            return earlier(me, roomId, clientId, text)
                    .orElseGet(() -> refuse(Refusal.NOT_ALLOWED, "chat.problem.notAllowed", null));
        }
        RoomRow r = locked.get();
        Instant now = clock.instant();
        // under the room's lock, a committed retry with this id is seen: this plain read is the transaction's first,
        // so its snapshot starts after the lock was granted. Not a locking read: with no such row, FOR UPDATE locked
        // the index gap next to other rooms' rows, and two rooms' sends deadlocked on each other's gaps (decision 087).
        // One statement reads it with the member's row and their messages in the flood window (decision 099).
        var state = store.sendState(roomId, me.id(), clientId, now.minus(burstWindow));
        if (state.earlierId() != null) {
            var earlier = store.message(state.earlierId());
            if (earlier.isPresent()) {
                return again(me, earlier.get(), text);
            }
        }
        OpeningHours hours = hours(r);
        if (!staff) {
            if (r.readOnly()) {
                return refuse(Refusal.READ_ONLY, "chat.problem.readOnly", null);
            }
            if (!openAt(r, hours, now)) {
                Instant opens = opensAt(r, hours, now);
                return opens == null ? refuse(Refusal.CLOSED, "chat.problem.closed", null)
                        : refuse(Refusal.CLOSED, "chat.problem.closedUntil", opens, Times.dateTime(opens));
            }
        }
        MemberRow m = state.member();
        if (m == null) {
            m = store.joinNow(roomId, me.id(), now);
        }
        if (m.removed() && !staff) {
            return refuse(Refusal.NOT_ALLOWED, "chat.problem.notAllowed", null);
        }
        Instant muted = m.mutedUntil() != null && m.mutedUntil().isAfter(now) ? m.mutedUntil() : null;
        Instant silenced = silences.silencedUntil(me.id(), now).filter(t -> t.isAfter(now)).orElse(null);
        Instant until = muted == null ? silenced : silenced == null ? muted : muted.isAfter(silenced) ? muted : silenced;
        if (until != null) {
            return refuse(Refusal.MUTED, "chat.problem.muted", until, Times.dateTime(until));
        }
        if (!staff && r.slowModeSeconds() > 0 && m.lastSentAt() != null) {
            Instant next = m.lastSentAt().plusSeconds(r.slowModeSeconds());
            if (now.isBefore(next)) {
                long wait = Math.max(1, Duration.between(now, next).toSeconds() + (Duration.between(now, next).toNanosPart() > 0 ? 1 : 0));
                return refuse(Refusal.SLOW_MODE, "chat.problem.slowMode", next, r.slowModeSeconds(), wait);
            }
        }
        if (state.recent() >= burst) {
            return refuse(Refusal.RATE_LIMITED, "chat.problem.rateLimited", now.plus(burstWindow));
        }
        boolean newMemberHold = !staff && r.holdNewMembers() && m.shownCount() < NEW_MEMBER_HELD;
        boolean show = staff || (verdict.publishNow() && !newMemberHold);
        if (!mayRaise && !staff && (raisesCase(verdict) || (newMemberHold && verdict.publishNow()))) {
            throw new NeedsQueue(); // all undone: stored again in the queue's transaction, which raises the case
        }
        Long seq = null;
        if (show) {
            seq = store.takeSeqAndSent(roomId, r.lastSeq(), me.id(), now);
        } else {
            store.sentHeld(roomId, me.id(), now);
        }
        String body = verdict.text();
        long id = store.insert(roomId, seq, clientId, me.id(), me.displayName(), text, body,
                show ? Status.SHOWN : Status.HELD, now);
        Subject subject = Subject.chatMessage(id);
        if (!staff) {
            switch (verdict.outcome()) {
                case URGENT -> queue.raise(subject, me.id(), CaseKind.URGENT, reason("urgent", verdict), verdict.risk());
                case HELD -> queue.raise(subject, me.id(), CaseKind.HELD, reason("held", verdict), null);
                case FLAGGED -> queue.raise(subject, me.id(), CaseKind.REPORTED, reason("flagged", verdict), null);
                default -> {
                }
            }
            if (newMemberHold && verdict.publishNow()) {
                queue.raise(subject, me.id(), CaseKind.PENDING, "a new member's first messages in this room", null);
            }
        }
        var message = new Message(id, roomId, seq, clientId, me.id(), me.displayName(), body, now,
                show ? Status.SHOWN : Status.HELD);
        if (laps != null) {
            laps.event.statements += laps.lap();
        }
        return new Stored(message, false, verdict.urgent() && !staff);
    }

    /** True when storing a member's message with this verdict opens a moderation case. */
    private static boolean raisesCase(Verdict verdict) {
        return switch (verdict.outcome()) {
            case URGENT, HELD, FLAGGED -> true;
            default -> false;
        };
    }

    /** For moderators only: which filters spoke (not the words themselves). */
    private static String reason(String what, Verdict verdict) {
        var kinds = new java.util.LinkedHashSet<String>();
        for (Finding f : verdict.findings()) {
            if (f.kind() == FindingKind.WATCHED_MASK) {
                continue;
            }
            String kind = f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            if (f.kind() == FindingKind.RISK && f.risk() != null) {
                kind += " (" + f.risk().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")";
            } else if (f.reason() != null && !f.reason().isBlank()) {
                kind += " (" + f.reason().strip() + ")";
            }
            kinds.add(kind);
        }
        String text = "chat " + what + ": " + String.join(", ", kinds);
        return text.length() > 480 ? text.substring(0, 480) + "…" : text;
    }

    private static Refused refuse(Refusal refusal, String key, Instant until, Object... args) {
        return new Refused(refusal, key, List.of(args), until);
    }

    // ---- moderation (MODERATE, audited) ----

    /** Removes a message for everyone (they see "removed by a moderator" at once). False when it was already gone. */
    public boolean delete(long messageId, String reason) {
        VillageUser me = member();
        Message m = store.message(messageId).orElseThrow(() -> InputProblem.keyed("message", "chat.problem.gone"));
        moderated(m.roomId(), "delete");
        if (m.status() == Status.DELETED) {
            return false;
        }
        boolean done = tx.execute(s -> {
            boolean changed = store.changeStatus(messageId, m.status(), Status.DELETED, clock.instant());
            if (changed) {
                queue.settled(Subject.chatMessage(messageId), "deleted in the room");
                audit.record(me.actor(), "chat.message.deleted", "chat:message:" + messageId,
                        "room " + m.roomId() + (reason == null || reason.isBlank() ? "" : ", " + cut(reason)));
            }
            return changed;
        });
        if (done && m.seq() != null) {
            Message gone = store.message(messageId).orElseThrow().forReaders();
            afterCommit(() -> fanout.publish(new ChatEvent.MessageChanged(m.roomId(), gone)));
        }
        return done;
    }

    /** Mutes a member in a room for a time (1 minute to 30 days); {@code null} or zero unmutes. */
    public void mute(long roomId, long accountId, Duration length) {
        VillageUser me = member();
        moderated(roomId, "mute");
        if (length != null && (length.isNegative() || length.compareTo(LONGEST) > 0)) {
            throw InputProblem.keyed("length", "chat.problem.muteLength");
        }
        Instant now = clock.instant();
        Instant until = length == null || length.isZero() ? null : now.plus(length);
        tx.executeWithoutResult(s -> {
            store.mute(roomId, accountId, until, now);
            audit.record(me.actor(), until == null ? "chat.member.unmuted" : "chat.member.muted", "chat:room:" + roomId,
                    "account " + accountId + (until == null ? "" : " until " + until));
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /** The members muted or removed in a room now (MODERATE), so a moderator can undo it. */
    public List<Chat.Restricted> restricted(long roomId) {
        moderated(roomId, "restricted");
        return store.restricted(roomId, clock.instant());
    }

    /** Takes a member out of a room (they no longer see it), or lets them back. */
    public void remove(long roomId, long accountId, boolean removed) {
        VillageUser me = member();
        moderated(roomId, "remove");
        tx.executeWithoutResult(s -> {
            store.setRemoved(roomId, accountId, removed, clock.instant());
            audit.record(me.actor(), removed ? "chat.member.removed" : "chat.member.restored", "chat:room:" + roomId,
                    "account " + accountId);
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /** Slow mode: one message per {@code seconds} per member (0 switches it off; at most an hour). */
    public void slowMode(long roomId, int seconds) {
        VillageUser me = member();
        moderated(roomId, "slow mode");
        if (seconds < 0 || seconds > SLOW_MODE_MAX) {
            throw InputProblem.keyed("seconds", "chat.problem.slowModeRange", SLOW_MODE_MAX);
        }
        tx.executeWithoutResult(s -> {
            store.setSlowMode(roomId, seconds);
            audit.record(me.actor(), "chat.room.slow-mode", "chat:room:" + roomId, seconds + " s");
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /** Read-only: members read but nobody but moderators writes. */
    public void readOnly(long roomId, boolean readOnly) {
        VillageUser me = member();
        moderated(roomId, "read-only");
        tx.executeWithoutResult(s -> {
            store.setReadOnly(roomId, readOnly);
            audit.record(me.actor(), readOnly ? "chat.room.read-only" : "chat.room.writable", "chat:room:" + roomId, null);
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /** Holds each new member's first {@link #NEW_MEMBER_HELD} messages in this room for approval, or stops. */
    public void holdNewMembers(long roomId, boolean hold) {
        VillageUser me = member();
        moderated(roomId, "hold new members");
        tx.executeWithoutResult(s -> {
            store.setHoldNewMembers(roomId, hold);
            audit.record(me.actor(), hold ? "chat.room.hold-new" : "chat.room.no-hold", "chat:room:" + roomId, null);
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /** Opens the room now, outside its hours, until then (at most 30 days ahead). */
    public void openUntil(long roomId, Instant until) {
        override(roomId, until, true);
    }

    /** Closes the room now, until then (at most 30 days ahead). */
    public void closeUntil(long roomId, Instant until) {
        override(roomId, until, false);
    }

    /** Back to its usual hours. */
    public void usualHours(long roomId) {
        VillageUser me = member();
        moderated(roomId, "usual hours");
        tx.executeWithoutResult(s -> {
            store.setOverride(roomId, null, null);
            audit.record(me.actor(), "chat.room.usual-hours", "chat:room:" + roomId, null);
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    private void override(long roomId, Instant until, boolean open) {
        VillageUser me = member();
        moderated(roomId, open ? "open" : "close");
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(LONGEST))) {
            throw InputProblem.keyed("until", "chat.problem.untilRange");
        }
        tx.executeWithoutResult(s -> {
            store.setOverride(roomId, open ? until : null, open ? null : until);
            audit.record(me.actor(), open ? "chat.room.opened" : "chat.room.closed", "chat:room:" + roomId, "until " + until);
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /** Changes a room's hours (the shared opening-hours text; a line it cannot read is a kind problem). */
    public void setHours(long roomId, boolean alwaysOpen, String hoursText) {
        VillageUser me = member();
        moderated(roomId, "hours");
        String text = hoursText == null ? "" : hoursText.strip();
        var parsed = OpeningHoursParser.parse(alwaysOpen, text);
        var problems = parsed.problems("hours");
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        tx.executeWithoutResult(s -> {
            store.setHours(roomId, alwaysOpen, text);
            audit.record(me.actor(), "chat.room.hours", "chat:room:" + roomId, alwaysOpen ? "always open" : cut(text));
        });
        afterCommit(() -> fanout.publish(new ChatEvent.RoomChanged(roomId)));
    }

    /**
     * A member reports a message they can read: moderation's report path (the queue, auto-hide after enough
     * reports), and the workers on duty now are told at once.
     */
    public ModerationDesk.Reported report(long messageId, ReportReason reason, String text) {
        VillageUser me = member();
        Message m = store.message(messageId).filter(x -> x.status() == Status.SHOWN)
                .orElseThrow(() -> InputProblem.keyed("reason", "moderation.problem.gone"));
        joinableOrRefuse(me, m.roomId());
        var result = desk.report(Subject.chatMessage(messageId), reason, text);
        for (var person : onDutyNow()) {
            notifications.tell(person.accountId(), "chat", "chat.notify.reported", "/moderation/queue");
        }
        // hidden after enough reports: ChatModeratedContent.apply told the room already
        return result;
    }

    // ---- for moderation (ChatModeratedContent) ----

    /** A held message is approved: it takes its room's next number now and is told to everyone. */
    boolean approveHeld(long messageId) {
        Message m = store.message(messageId).orElse(null);
        if (m == null || m.status() != Status.HELD) {
            return false;
        }
        var inOrder = roomLock(m.roomId());
        inOrder.lock();
        try {
            boolean done = Boolean.TRUE.equals(tx.execute(s -> {
                store.lockRoom(m.roomId());
                long seq = store.nextSeq(m.roomId());
                if (!store.approve(messageId, seq, clock.instant())) {
                    s.setRollbackOnly();
                    return false;
                }
                store.countShown(m.roomId(), m.authorId());
                return true;
            }));
            if (done) {
                Message shown = store.message(messageId).orElseThrow();
                afterCommit(() -> fanout.publish(new ChatEvent.MessageStored(m.roomId(), shown)));
            }
            return done;
        } finally {
            inOrder.unlock();
        }
    }

    /** Tells every node a shown message changed (deleted or hidden by moderation). */
    void changed(long messageId) {
        store.message(messageId).filter(m -> m.seq() != null)
                .ifPresent(m -> afterCommit(() -> fanout.publish(new ChatEvent.MessageChanged(m.roomId(), m.forReaders()))));
    }

    private static String cut(String text) {
        String t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** Runs after the surrounding transaction commits, or now when there is none. */
    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
