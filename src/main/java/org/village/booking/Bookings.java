package org.village.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.booking.internal.BookingStore;
import org.village.booking.internal.BookingStore.BookingRow;
import org.village.booking.internal.BookingStore.NewBooking;
import org.village.booking.internal.BookingStore.SessionRow;
import org.village.booking.internal.BookingStore.Telling;
import org.village.families.FamilyService;
import org.village.notification.Email;
import org.village.notification.Emails;
import org.village.notification.Notifications;
import org.village.security.CurrentUser;
import org.village.security.People;
import org.village.security.VillageUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;

/**
 * Bookings (issue 13, decisions 090–092): parents book sessions for named members of their own family, join a
 * waiting list when a session is full, take or turn down an offered place, cancel before the cut-off and rebook as
 * often as they like; workers who run sessions confirm requests, mark attendance, book a family in, change a
 * session's capacity and cancel a session. Every check is here, in the service; every change is audited.
 *
 * <p>The database keeps the rules whatever the path (decision 090): a place is one conditional update on the
 * session; a family is in a session once (a unique key); nobody is in two overlapping sessions (the family's lock
 * row, then the overlap check). A transaction that loses a deadlock is tried again, up to three times.
 */
@Service
public class Bookings {

    /** Bundle keys the API turns into 409 answers. */
    public static final String FULL = "booking.problem.full";
    public static final String ALREADY_BOOKED = "booking.problem.alreadyBooked";

    public static final int MAX_NOTE = 1000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,80}");
    private static final Duration LONGEST_RANGE = Duration.ofDays(92);

    private final BookingStore store;
    private final FamilyService families;
    private final People people;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Emails emails;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** The booking paths' transactions: plain JDBC, no Hibernate session (decision 105). */
    private final TransactionTemplate jdbcTx;
    /** The telling's own transaction (JPA: e-mails are queued through the event publication registry). */
    private final TransactionTemplate newsTx;
    /** A telling that writes nothing but takes its row: plain JDBC, READ COMMITTED, a new transaction (decision 108). */
    private final TransactionTemplate quietNewsTx;
    private final java.util.concurrent.Executor news;
    private final Duration offerTime;
    private final String organizer;
    private static final Duration NAME_KEPT = Duration.ofMinutes(1);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Bookings.class);
    /** The e-mail that offers a freed place (no calendar file: the place is not theirs yet). */
    static final String OFFER_MAIL = "booking.email.offer.body";
    /** When the job may take a telling the after-commit thread has not (decision 105). */
    static final Duration TELLING_JOB_AFTER = Duration.ofMinutes(1);
    private final Map<Long, RecentName> recentNames = new java.util.concurrent.ConcurrentHashMap<>();

    Bookings(BookingStore store, FamilyService families, People people, CurrentUser currentUser, AuditLog audit,
             Notifications notifications, Emails emails, ApplicationEventPublisher events, Clock clock,
             PlatformTransactionManager transactions, org.village.shared.ReadCommittedTransactions readCommitted,
             @org.springframework.beans.factory.annotation.Qualifier("bookingNews") java.util.concurrent.Executor news,
             @Value("${village.booking.offer-time:PT24H}") Duration offerTime,
             @Value("${village.mail.from:village@localhost}") String organizer) {
        this.store = store;
        this.families = families;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
        this.notifications = notifications;
        this.emails = emails;
        this.events = events;
        this.clock = clock;
        // READ COMMITTED for every transaction here (decision 090). The booking paths' own transactions run on
        // connections that are READ COMMITTED with autocommit off already (decision 108: no SET statements around
        // them); a JPA one (joining a caller's, or queueing e-mails) asks for it with its first statement
        // (BookingStore.readCommittedNext, decision 101)
        this.tx = new TransactionTemplate(transactions);
        this.jdbcTx = new TransactionTemplate(readCommitted.manager());
        this.newsTx = new TransactionTemplate(transactions);
        this.newsTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.quietNewsTx = new TransactionTemplate(readCommitted.manager());
        this.quietNewsTx.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.news = news;
        this.offerTime = offerTime;
        this.organizer = organizer;
    }

    // ==== what anyone signed in may look at ===================================================================

    /** Session types to choose from (code and name), in the order workers set. */
    public List<TypeChoice> types() {
        currentUser.require();
        return store.activeTypes().stream().map(t -> new TypeChoice(t.code(), t.name())).toList();
    }

    /**
     * Open sessions starting between the two dates (Europe/London, {@code to} inclusive), optionally of one type;
     * only those that have not started. At most 500.
     */
    public List<SessionSlot> sessions(LocalDate from, LocalDate to, String typeCode) {
        currentUser.require();
        if (from == null || to == null || to.isBefore(from)) {
            throw InputProblem.keyed("to", "booking.problem.dates");
        }
        Instant start = from.atStartOfDay(Times.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Times.ZONE).toInstant();
        if (Duration.between(start, end).compareTo(LONGEST_RANGE) > 0) {
            throw InputProblem.keyed("to", "booking.problem.range");
        }
        Instant now = clock.instant();
        if (start.isBefore(now)) {
            start = now;
        }
        if (!end.isAfter(start)) {
            return List.of();
        }
        var rows = store.openSessions(start, end, typeCode == null || typeCode.isBlank() ? null : typeCode.strip(), 500);
        var names = workerNames(rows.stream().map(SessionRow::workerId).toList());
        return rows.stream().map(r -> slot(r, names)).toList();
    }

    /**
     * A page of open sessions for a phone: at most {@code limit} (1 to 50) that have not started, from {@code day}
     * (Europe/London) onwards and no further than 92 days on, optionally of one type, in time order. {@code after} is
     * the last session of the page before (its start and id), or null for the first page; {@link SessionPage#more}
     * says whether there are later ones. One indexed range read and one read of the workers' names.
     */
    public SessionPage sessionPage(LocalDate day, String typeCode, SessionSlot after, int limit) {
        currentUser.require();
        if (day == null) {
            throw InputProblem.keyed("from", "booking.problem.dates");
        }
        int size = Math.clamp(limit, 1, 50);
        Instant now = clock.instant();
        Instant start = day.atStartOfDay(Times.ZONE).toInstant();
        if (start.isBefore(now)) {
            start = now;
        }
        Instant end = LocalDate.now(clock.withZone(Times.ZONE)).plusDays(93).atStartOfDay(Times.ZONE).toInstant();
        long afterId = 0;
        if (after != null && !after.startsAt().isBefore(start)) {
            start = after.startsAt();
            afterId = after.id();
        }
        if (!end.isAfter(start)) {
            return new SessionPage(List.of(), false);
        }
        var rows = store.openSessionsAfter(start, afterId, end,
                typeCode == null || typeCode.isBlank() ? null : typeCode.strip(), size + 1);
        boolean more = rows.size() > size;
        var page = more ? rows.subList(0, size) : rows;
        var names = workerNames(page.stream().map(SessionRow::workerId).distinct().toList());
        return new SessionPage(page.stream().map(r -> slot(r, names)).toList(), more);
    }

    /** A page of sessions, and whether later ones exist. */
    public record SessionPage(List<SessionSlot> sessions, boolean more) {
    }

    /**
     * Who of my family may come to this session, and who is ticked to start with (the parent can change it): for a
     * session for the whole family, everyone who may come; for children only (a sibling group), the children; for
     * parents only (one-to-one support, a parenting course), only me.
     */
    public MemberChoice memberChoice(long sessionId) {
        var me = currentUser.require();
        long family = myFamily();
        var session = store.session(sessionId).orElseThrow(() -> InputProblem.keyed("session", "booking.problem.noSession"));
        boolean children = session.attendees().contains("SIBLINGS") || session.attendees().contains("YOUNG_PERSON");
        boolean parents = session.attendees().contains("PARENTS");
        var eligible = members(family).stream().filter(m -> m.isChild() ? children : parents).toList();
        var ticked = new LinkedHashSet<String>();
        if (parents && !children) {
            eligible.stream().map(Member::key).filter(Member.accountKey(me.id())::equals).forEach(ticked::add);
        } else {
            eligible.forEach(m -> ticked.add(m.key()));
        }
        if (ticked.isEmpty() && !eligible.isEmpty()) {
            ticked.add(eligible.getFirst().key());
        }
        return new MemberChoice(eligible, List.copyOf(ticked));
    }

    /** The people who may come, and the keys of those ticked at first. */
    public record MemberChoice(List<Member> eligible, List<String> ticked) {
    }

    /** One session, open or not; empty when there is none. */
    public Optional<SessionSlot> session(long id) {
        currentUser.require();
        return store.session(id).map(r -> slot(r, workerNames(List.of(r.workerId()))));
    }

    // ==== a parent's own family ===============================================================================

    /** The people in my family who can be booked in: parents and carers, then children, by name. */
    public List<Member> myFamilyMembers() {
        return members(myFamily());
    }

    /**
     * Books a place (or asks for one, when the worker must confirm) for members of my family. A course books every
     * session of it, or none.
     *
     * @throws InputProblem kindly: {@link #FULL} when full (the waiting list is open), {@link #ALREADY_BOOKED}, a
     *                      session that has started, been cancelled or is too soon, a person not in my family, a
     *                      clash with another session, a note that is too long
     */
    public BookingView book(BookingRequest request) {
        var me = currentUser.require();
        long family = myFamily();
        return placeWithRetries(request, family, me, false);
    }

    /** Joins the waiting list of a full session; a session with places left is booked instead. */
    public BookingView joinWaitingList(BookingRequest request) {
        var me = currentUser.require();
        long family = myFamily();
        return placeWithRetries(request, family, me, true);
    }

    /** A worker who runs sessions books a family they may see into a session, on their behalf. */
    public BookingView bookOnBehalf(long familyId, BookingRequest request) {
        var me = requireRunsSession(request.sessionId());
        families.checkAccess(familyId);
        return placeWithRetries(request, familyId, me, false);
    }

    /** My family's bookings: upcoming (and waiting or offered) first by time, or past ones newest first. */
    public List<BookingView> myBookings(boolean upcoming) {
        long family = myFamily();
        Instant now = clock.instant();
        var views = views(store.ofFamily(family, 400));
        return views.stream().filter(v -> upcoming == v.endsAt().isAfter(now))
                .sorted(upcoming ? Comparator.comparing(BookingView::startsAt)
                        : Comparator.comparing(BookingView::startsAt).reversed())
                .toList();
    }

    /** One of my family's bookings. */
    public BookingView myBooking(long id) {
        return views(List.of(mine(id))).getFirst();
    }

    /**
     * Cancels one of my family's bookings (a whole course together), before the cut-off. After it, the message says
     * who to call. A waiting or offered booking can always be given up. Cancelling twice is harmless.
     */
    public void cancel(long bookingId) {
        var me = currentUser.require();
        BookingRow booking;
        SessionRow session;
        if (me.can(Capability.RUN_SESSIONS) && !me.isParent()) {
            booking = ofMySession(bookingId);
            session = store.session(booking.sessionId()).orElseThrow(BookingNotFound::new);
        } else {
            // the booking and its session in one read (decision 110)
            var both = mineWithSession(bookingId);
            booking = both.booking();
            session = both.session();
        }
        Instant now = clock.instant();
        if (!me.can(Capability.RUN_SESSIONS) && booking.status().holdsPlace()
                && now.isAfter(session.startsAt().minus(Duration.ofMinutes(session.cancelCutoffMinutes())))) {
            throw InputProblem.keyed(null, "booking.problem.tooLateToCancel",
                    Wording.firstName(workerNames(List.of(session.workerId())).get(session.workerId())));
        }
        retrying(() -> {
            store.lockFamily(booking.familyId());
            // only a place given back is told (by e-mail, no notice): whether anyone is to be e-mailed, asked here, before
            // any booking's or session's row is locked, when the booking held a place as read; otherwise unknown, and the
            // telling's row is written (decision 110)
            Boolean nobodyToMail = booking.status().holdsPlace() ? nobodyToMail(booking.familyId()) : null;
            // (one booking: the row read before is enough to name it; its status is read again, locked, below)
            var all = booking.groupId() == null ? List.of(booking) : store.group(booking.groupId());
            var ended = new ArrayList<BookingRow>();
            for (var seen : all) {
                // the status as it is now, locked: an offer may have been made or have run out since it was read
                var b = store.lockBooking(seen.id()).orElseThrow();
                if (b.status().active() && store.move(b.id(), BookingStatus.ACTIVE, BookingStatus.CANCELLED, now)) {
                    ended.add(b);
                    // the place itself is given back (or passed on) below, after everything that needs no lock on the
                    // session's row (decision 117)
                    audit.record(me.actor(), "booking.cancelled", "booking:" + b.id(), "session:" + b.sessionId());
                    events.publishEvent(new BookingCancelled(b.id(), b.sessionId(), b.familyId()));
                }
            }
            if (!ended.isEmpty() && ended.stream().anyMatch(b -> b.status().holdsPlace())
                    && !Boolean.TRUE.equals(nobodyToMail)) {
                tellLater(booking.familyId(), afterMove(ended), true, "booking.email.cancelled.body", null, null);
            }
            for (var b : ended) {
                if (b.status().holdsPlace()) {
                    passOnFreedPlaces(b.sessionId(), b.places(), now);
                }
            }
            return null;
        });
    }

    /** Takes the place offered to my family (it must not have run out). */
    public BookingView acceptOffer(long bookingId) {
        var me = currentUser.require();
        var booking = mine(bookingId);
        Instant now = clock.instant();
        return retrying(() -> {
            store.lockFamily(booking.familyId());
            // the booking and its session in one read (decision 110)
            var both = store.bookingAndSession(bookingId).orElseThrow(BookingNotFound::new);
            var b = both.booking();
            var session = both.session();
            if (b.status() != BookingStatus.OFFERED) {
                throw InputProblem.keyed(null, "booking.problem.noOffer");
            }
            var members = store.members(List.of(b.id())).getOrDefault(b.id(), List.of());
            checkNoOverlap(b.familyId(), members, session);
            // an accepted offer is told by e-mail only (decision 110: no row when nobody is to be e-mailed)
            boolean nobodyToMail = nobodyToMail(b.familyId());
            var to = session.confirmRequired() ? BookingStatus.REQUESTED : BookingStatus.BOOKED;
            if (!store.accept(b.id(), to, now)) {
                throw InputProblem.keyed(null, "booking.problem.offerEnded");
            }
            audit.record(me.actor(), "booking.offer.accepted", "booking:" + b.id(), "session:" + b.sessionId());
            events.publishEvent(new SessionBooked(b.id(), b.sessionId(), b.familyId(), to));
            // the row and the answer as the accepting update left them, from what was read above (decision 105): the
            // update raised SEQUENCE by one and only runs while the offer stands, and nothing else changes an offer's
            // SEQUENCE, so it is the one read plus one; the session and who comes were read in this transaction
            if (!nobodyToMail) {
                tellLater(b.familyId(), List.of(new BookingRow(b.id(), b.sessionId(), b.familyId(), to, b.places(),
                        b.note(), b.idempotencyKey(), b.bookedBy(), b.groupId(), b.sequence() + 1, b.waitingSince(), null,
                        null, b.createdAt())), false, to == BookingStatus.BOOKED
                        ? "booking.email.booked.body" : "booking.email.requested.body", null, null);
            }
            return new BookingView(b.id(), session.id(), b.familyId(), to, session.startsAt(), session.endsAt(),
                    session.typeCode(), session.typeName(), Wording.firstName(recentWorkerName(session.workerId())),
                    session.placeKind(), placeShown(session, to), members, b.note(), 0, null, b.groupId(),
                    !session.open());
        });
    }

    /** Turns down the place offered; it goes to the next family in line. */
    public void declineOffer(long bookingId) {
        var me = currentUser.require();
        var booking = mine(bookingId);
        Instant now = clock.instant();
        retrying(() -> {
            if (store.move(booking.id(), java.util.Set.of(BookingStatus.OFFERED), BookingStatus.DECLINED, now)) {
                store.givePlacesBack(booking.sessionId(), booking.places());
                audit.record(me.actor(), "booking.offer.declined", "booking:" + booking.id(), "session:" + booking.sessionId());
                offerFreedPlaces(booking.sessionId(), now);
            }
            return null;
        });
    }

    /** The .ics for one of my family's bookings (or, for a worker who runs sessions, any booking). */
    public byte[] calendarFile(long bookingId) {
        var me = currentUser.require();
        var b = me.can(Capability.RUN_SESSIONS) && !me.isParent() ? ofMySession(bookingId) : mine(bookingId);
        var view = views(List.of(b)).getFirst();
        var all = b.groupId() == null ? List.of(view) : views(store.group(b.groupId()));
        return CalendarFile.build(events(all, titleFor(b.familyId(), view.workerFirstName(), Locale.ENGLISH)),
                !view.status().active(), organizer);
    }

    /** My family's own words for e-mail subjects and calendar titles; empty means the discreet default. */
    public String myWording() {
        return store.ownWording(myFamily()).orElse("");
    }

    /** Saves my family's own words (blank: back to the discreet default). */
    public void saveMyWording(String wording) {
        var me = currentUser.require();
        long family = myFamily();
        store.saveOwnWording(family, Wording.checkOwn(wording));
        audit.record(me.actor(), "booking.wording.changed", "family:" + family, null);
    }

    // ==== workers who run sessions ============================================================================

    /** Everyone booked, requested, offered or waiting for a session, with who comes and their notes. */
    public List<BookingView> sessionBookings(long sessionId) {
        requireRunsSession(sessionId);
        return views(store.ofSession(sessionId));
    }

    /** Confirms a request: the family is told, with the calendar file. */
    public void confirm(long bookingId) {
        var b = existing(bookingId);
        var me = requireRunsSession(b.sessionId());
        Instant now = clock.instant();
        retrying(() -> {
            if (!store.move(b.id(), java.util.Set.of(BookingStatus.REQUESTED), BookingStatus.BOOKED, now)) {
                throw InputProblem.keyed(null, "booking.problem.notARequest");
            }
            audit.record(me.actor(), "booking.confirmed", "booking:" + b.id(), "session:" + b.sessionId());
            events.publishEvent(new SessionBooked(b.id(), b.sessionId(), b.familyId(), BookingStatus.BOOKED));
            tellLater(b.familyId(), List.of(store.booking(b.id()).orElseThrow()), false,
                    "booking.email.confirmed.body", null, null);
            return null;
        });
    }

    /** Says no to a request: the place goes back (and to the waiting list); the family is told kindly. */
    public void declineRequest(long bookingId) {
        var b = existing(bookingId);
        var me = requireRunsSession(b.sessionId());
        Instant now = clock.instant();
        retrying(() -> {
            if (!store.move(b.id(), java.util.Set.of(BookingStatus.REQUESTED), BookingStatus.DECLINED, now)) {
                throw InputProblem.keyed(null, "booking.problem.notARequest");
            }
            store.givePlacesBack(b.sessionId(), b.places());
            audit.record(me.actor(), "booking.request.declined", "booking:" + b.id(), "session:" + b.sessionId());
            tellLater(b.familyId(), List.of(), false, null, "booking.notice.requestDeclined", "/my-sessions");
            offerFreedPlaces(b.sessionId(), now);
            return null;
        });
    }

    /** Marks whether a booked family came (only once the session has started). */
    public void markAttendance(long bookingId, boolean came) {
        var b = existing(bookingId);
        var me = requireRunsSession(b.sessionId());
        var session = store.session(b.sessionId()).orElseThrow(BookingNotFound::new);
        Instant now = clock.instant();
        if (session.startsAt().isAfter(now)) {
            throw InputProblem.keyed(null, "booking.problem.notStarted");
        }
        retrying(() -> {
            boolean changed = came
                    ? store.move(b.id(), java.util.Set.of(BookingStatus.BOOKED), BookingStatus.ATTENDED, now)
                    : store.move(b.id(), java.util.Set.of(BookingStatus.ATTENDED), BookingStatus.BOOKED, now);
            if (changed) {
                audit.record(me.actor(), came ? "booking.attended" : "booking.attended.undone", "booking:" + b.id(), null);
            }
            return null;
        });
    }

    /**
     * Changes how many families a session takes. Lowering it below the places already taken is refused (the
     * database checks, in the same statement); raising it offers the new places to the waiting list.
     */
    public void changeCapacity(long sessionId, int capacity) {
        var me = requireRunsSession(sessionId);
        if (capacity < 1 || capacity > 500) {
            throw InputProblem.keyed("capacity", "booking.problem.capacityRange");
        }
        Instant now = clock.instant();
        retrying(() -> {
            if (!store.changeCapacity(sessionId, capacity)) {
                var s = store.session(sessionId).orElseThrow(() -> InputProblem.keyed(null, "booking.problem.noSession"));
                if (!s.open()) {
                    throw InputProblem.keyed(null, "booking.problem.sessionCancelled");
                }
                throw InputProblem.keyed("capacity", "booking.problem.capacityBelowBooked", s.placesTaken());
            }
            audit.record(me.actor(), "booking.session.capacity", "session:" + sessionId, "capacity:" + capacity);
            offerFreedPlaces(sessionId, now);
            return null;
        });
    }

    /** Cancels a whole session: every family booked or waiting is told kindly, with a link to book another. */
    public void cancelSession(long sessionId) {
        var me = requireRunsSession(sessionId);
        Instant now = clock.instant();
        retrying(() -> {
            var session = store.session(sessionId).orElseThrow(() -> InputProblem.keyed(null, "booking.problem.noSession"));
            if (!store.cancelSession(sessionId)) {
                return null;
            }
            audit.record(me.actor(), "booking.session.cancelled", "session:" + sessionId, null);
            for (var seen : store.ofSession(sessionId)) {
                var b = store.lockBooking(seen.id()).orElseThrow();
                if (b.status().active() && store.move(b.id(), BookingStatus.ACTIVE, BookingStatus.CANCELLED, now)) {
                    events.publishEvent(new BookingCancelled(b.id(), sessionId, b.familyId()));
                    tellLater(b.familyId(), b.status().holdsPlace() ? afterMove(List.of(b)) : List.of(), true,
                            b.status().holdsPlace() ? "booking.email.sessionCancelled.body" : null,
                            "booking.notice.sessionCancelled", "/sessions?type=" + session.typeCode());
                }
            }
            return null;
        });
    }

    // ==== scheduled work (BookingJobs; safe on several nodes) =================================================

    /** Ends offers whose time ran out and passes each place to the next family in line. Returns how many ended. */
    public int expireOffers(Instant now, int limit) {
        int ended = 0;
        for (long id : store.expiredOffers(now, limit)) {
            Boolean done = retrying(() -> {
                var b = store.booking(id).orElseThrow();
                if (!store.expire(id, now)) {
                    return false;
                }
                store.givePlacesBack(b.sessionId(), b.places());
                audit.record(AuditLog.Actor.SYSTEM, "booking.offer.expired", "booking:" + id, "session:" + b.sessionId());
                tellLater(b.familyId(), List.of(), false, null, "booking.notice.offerEnded", "/my-sessions");
                offerFreedPlaces(b.sessionId(), now);
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                ended++;
            }
        }
        return ended;
    }

    /**
     * Sends the day-before reminder for booked places in sessions starting within the next 24 hours, each once: the
     * sent marker is set by a conditional update in the same transaction as the e-mail is queued.
     */
    public int sendReminders(Instant now, int batch) {
        int sent = 0;
        while (true) {
            var due = store.remindersDue(now, now.plus(Duration.ofHours(24)), batch);
            if (due.isEmpty()) {
                return sent;
            }
            Integer n = retryingJpa(() -> {
                // the rows still due, locked (rows another node is on are skipped), then marked in one statement:
                // a reminder is queued only by the transaction that marked it, so each goes once (decision 096)
                var mine = store.lockDueReminders(due);
                if (mine.isEmpty()) {
                    return 0;
                }
                store.markReminded(mine, now);
                var rows = store.bookings(mine);
                var sequences = new HashMap<Long, Integer>();
                rows.forEach(r -> sequences.put(r.id(), r.sequence()));
                var views = views(rows);
                // the families' wording, parents and languages for the whole batch in three reads (decision 097)
                var families = views.stream().map(BookingView::familyId).distinct().toList();
                var wordings = store.ownWordings(families);
                var parents = people.parentsOfFamilies(families);
                var languages = people.languagesOf(parents.values().stream().flatMap(List::stream)
                        .map(People.Person::id).toList());
                // every e-mail of the batch queued at once: settings, accounts and outbox rows in a few statements and
                // one event per fifty e-mails instead of one each (decision 100)
                var mails = new ArrayList<Emails.Addressed>();
                for (var view : views) {
                    mails.addAll(familyMails(List.of(view), false, "booking.email.reminder.body",
                            v -> sequences.getOrDefault(v.id(), 0), wordings.get(view.familyId()),
                            parents.getOrDefault(view.familyId(), List.of()), languages));
                }
                emails.sendAll(mails);
                return mine.size();
            });
            int done = n == null ? 0 : n;
            sent += done;
            if (due.size() < batch || done == 0) {
                return sent;
            }
        }
    }

    // ==== the one path that gives a family a place ============================================================

    /**
     * The early look (no lock, no transaction), then the locked part in one transaction: the first try uses the
     * sessions and members the early look read; a try again after a deadlock reads the sessions again (decision 097).
     */
    private BookingView placeWithRetries(BookingRequest request, long familyId, VillageUser by, boolean waitingList) {
        var early = beforeAnyLock(request, familyId, waitingList);
        if (early.earlier() != null) {
            return early.earlier();
        }
        var firstTry = new java.util.concurrent.atomic.AtomicBoolean(true);
        // a transaction of our own runs on the read-committed pool, whose connections take several statements in one
        // packet (decision 114); joining a caller's, the statements go one by one
        boolean ownTransaction = !org.springframework.transaction.support.TransactionSynchronizationManager
                .isActualTransactionActive();
        var made = retrying(() -> place(request, familyId, by, waitingList, early, firstTry.getAndSet(false),
                ownTransaction));
        if (made.status() != BookingStatus.WAITING || made.waitingPosition() > 0) {
            return made;
        }
        // a new place in the line, counted after the commit (decision 111): not while the insert's shared lock on the
        // session's row holds up the session's bookings and cancellations; the line as it is just after joining it
        var row = store.booking(made.id()).orElse(null);
        int position = row != null && row.status() == BookingStatus.WAITING ? store.waitingPosition(row) : 1;
        return new BookingView(made.id(), made.sessionId(), made.familyId(), made.status(), made.startsAt(),
                made.endsAt(), made.typeCode(), made.typeName(), made.workerFirstName(), made.placeKind(),
                made.placeDetail(), made.members(), made.note(), position, made.offerExpiresAt(), made.groupId(),
                made.sessionCancelled());
    }

    /**
     * What the early look found: a booking made before with the same retry key (then nothing else), or the sessions
     * (first first) and the members chosen.
     */
    private record Early(BookingView earlier, List<SessionRow> sessions, List<Member> chosen, List<Long> parentIds) {
    }

    /**
     * First, outside any transaction and without any lock, the answers that need none (decision 096): bad input is
     * refused, a retry gets its booking back, and a session that is not bookable, already booked by this family, or
     * full is refused at once. Only then are the family's members read and the chosen ones checked (decision 097: a
     * refusal never pays for that read). These read what is committed; {@link #place} makes the checks that matter
     * again under the locks, and the unique keys and the conditional place update have the last word, so a stale read
     * here can only refuse a request that came a moment too late, never let one through.
     */
    private Early beforeAnyLock(BookingRequest request, long familyId, boolean waitingList) {
        Instant now = clock.instant();
        String key = checkKey(request.idempotencyKey());
        checkNote(request.note());
        // the session and whether we are in it already, in one read
        var look = store.sessionAndFamily(request.sessionId(), familyId)
                .orElseThrow(() -> InputProblem.keyed("session", "booking.problem.noSession"));
        var first = look.session();
        if (key != null) {
            var earlier = store.byIdempotencyKey(familyId, key);
            if (earlier.isPresent()) {
                return new Early(views(List.of(earlier.get())).getFirst(), List.of(), List.of(), List.of());
            }
        }
        var sessions = first.seriesId() == null ? List.of(first) : store.series(first.seriesId());
        for (var s : sessions) {
            checkBookable(s, now);
        }
        if (look.familyIn() || (sessions.size() > 1
                && store.activeIn(familyId, sessions.stream().map(SessionRow::id).toList()).isPresent())) {
            throw InputProblem.keyed("session", ALREADY_BOOKED);
        }
        if (!waitingList && sessions.stream().anyMatch(s -> s.placesLeft() < 1)) {
            throw InputProblem.keyed("session", FULL);
        }
        var family = families.members(familyId);
        var chosen = chooseMembers(members(family), request.members(), first);
        recentWorkerName(first.workerId()); // read now, not while the session's row is locked (decision 101)
        // the parents just read: whether any is to be e-mailed is asked in the transaction (decision 110)
        return new Early(null, sessions, chosen, family.parents().stream().map(FamilyService.Person::id).toList());
    }

    private BookingView place(BookingRequest request, long familyId, VillageUser by, boolean waitingList, Early early,
                              boolean firstTry, boolean onePacket) {
        Instant now = clock.instant();
        String key = checkKey(request.idempotencyKey());
        String note = checkNote(request.note());
        List<SessionRow> sessions;
        if (firstTry) {
            sessions = early.sessions();
        } else {
            var first = store.session(request.sessionId()).orElseThrow(() -> InputProblem.keyed("session", "booking.problem.noSession"));
            sessions = first.seriesId() == null ? List.of(first) : store.series(first.seriesId());
            for (var s : sessions) {
                checkBookable(s, now);
            }
        }
        var first = sessions.getFirst();
        var chosen = early.chosen();
        // what the booking will be is decided from the sessions read (the early look, or again after a deadlock), before
        // any lock (a full one is refused after the retry key is looked up, below): the place update and the unique keys
        // have the last word on it
        boolean full = sessions.stream().anyMatch(s -> s.placesLeft() < 1);
        if (waitingList && !full) {
            waitingList = false;
        }
        BookingStatus status = waitingList ? BookingStatus.WAITING
                : first.confirmRequired() ? BookingStatus.REQUESTED : BookingStatus.BOOKED;
        // whether any parent is to be e-mailed about the place (decision 110), and the worker's name for the answer
        // (decision 101), read on this transaction's connection before the family's row is locked (decision 117)
        boolean nobodyToMail = status.holdsPlace() && nobodyToMail(early.parentIds());
        String workerFirstName = Wording.firstName(recentWorkerName(first.workerId()));
        String action = waitingList ? "booking.waiting" : by.isParentOf(familyId) ? "booking.made"
                : "booking.made.for.family";
        String mailKey = status == BookingStatus.BOOKED ? "booking.email.booked.body" : "booking.email.requested.body";

        store.lockFamily(familyId);
        if (key != null) {
            var earlier = store.byIdempotencyKey(familyId, key);
            if (earlier.isPresent()) {
                return views(List.of(earlier.get())).getFirst();
            }
        }
        // (a retry finds its booking above, even when the session has filled since)
        if (!waitingList && full) {
            throw InputProblem.keyed("session", FULL);
        }
        // "already booked" under the lock is the unique key booking_active_family (the insert below), not a read
        for (var s : sessions) {
            checkNoOverlap(familyId, chosen, s);
        }
        var ids = new ArrayList<Long>();
        Long group = null;
        if (onePacket && sessions.size() == 1) {
            // one session in a transaction of our own: the place update, then the booking, who comes, the audit row,
            // the telling's row and COMMIT in one packet (decision 117), so the session's row is not held for a round
            // trip more; nothing is written in this transaction after it
            var s = sessions.getFirst();
            if (status.holdsPlace() && !store.takePlaces(s.id(), 1, now)) {
                throw InputProblem.keyed("session", FULL);
            }
            boolean soon = !s.startsAt().isAfter(now.plus(Duration.ofHours(24)));
            var row = audit.insertFor(by.actor(), action, "booking:", BookingStore.BOOKING_ID, "family:" + familyId);
            var telling = status.holdsPlace() && !nobodyToMail
                    ? new Telling(familyId, List.of(), List.of(0), false, mailKey, null, null) : null;
            BookingStore.Placed placed;
            try {
                placed = store.insertAndCommit(new NewBooking(s.id(), familyId, status, note, key, by.id(), null, chosen,
                        soon, now), row.sql(), row.params(), telling, now.plus(TELLING_JOB_AFTER));
            } catch (DuplicateKeyException e) {
                throw InputProblem.keyed("session", ALREADY_BOOKED);
            }
            ids.add(placed.bookingId());
            if (status.holdsPlace()) {
                events.publishEvent(new SessionBooked(placed.bookingId(), s.id(), familyId, status));
            }
            if (placed.tellingId() > 0) {
                var told = new Telling(familyId, List.of(placed.bookingId()), List.of(0), false, mailKey, null, null);
                tellAfterCommit(placed.tellingId(), told);
            }
        } else {
            // the places first, in session order (all or none): the row lock on each session is then taken once, as
            // an exclusive lock, before the booking's foreign key asks for a shared one (no lock upgrade, so no deadlock)
            if (status.holdsPlace()) {
                for (var s : sessions) {
                    if (!store.takePlaces(s.id(), 1, now)) {
                        throw InputProblem.keyed("session", FULL);
                    }
                }
            }
            try {
                for (var s : sessions) {
                    boolean soon = !s.startsAt().isAfter(now.plus(Duration.ofHours(24)));
                    long id = store.insert(new NewBooking(s.id(), familyId, status, note, ids.isEmpty() ? key : null,
                            by.id(), group, chosen, soon, now));
                    if (sessions.size() > 1 && group == null) {
                        group = id;
                        store.setGroup(id, id);
                    }
                    ids.add(id);
                }
            } catch (DuplicateKeyException e) {
                throw InputProblem.keyed("session", ALREADY_BOOKED);
            }
            for (long id : ids) {
                audit.record(by.actor(), action, "booking:" + id, "family:" + familyId);
            }
            if (status.holdsPlace()) {
                for (int i = 0; i < ids.size(); i++) {
                    events.publishEvent(new SessionBooked(ids.get(i), sessions.get(i).id(), familyId, status));
                }
                // e-mails and their calendar files are made after the commit, outside the locks (decision 096); a
                // family none of whose parents is to be e-mailed has nothing to be told about a place (no notice): no
                // row (decision 110)
                if (!nobodyToMail) {
                    tellLater(new Telling(familyId, ids, ids.stream().map(id -> 0).toList(), false, mailKey, null,
                            null));
                }
            }
        }
        // the answer is made from what this transaction wrote, without reading it back
        // (a place in the line is counted after the commit, by placeWithRetries: the booking's insert holds a shared
        // lock on the session's row until then, which every booking and cancellation of the session waits for)
        var s0 = sessions.getFirst();
        return new BookingView(ids.getFirst(), s0.id(), familyId, status, s0.startsAt(), s0.endsAt(), s0.typeCode(),
                s0.typeName(), workerFirstName, s0.placeKind(), placeShown(s0, status), chosen, note, 0, null, group,
                false);
    }

    private void checkBookable(SessionRow s, Instant now) {
        if (!s.open()) {
            throw InputProblem.keyed("session", "booking.problem.sessionCancelled");
        }
        if (!s.startsAt().isAfter(now)) {
            throw InputProblem.keyed("session", "booking.problem.started");
        }
        if (now.plus(Duration.ofMinutes(s.minNoticeMinutes())).isAfter(s.startsAt())) {
            throw InputProblem.keyed("session", "booking.problem.tooSoon", noticeText(s.minNoticeMinutes()));
        }
    }

    private void checkNoOverlap(long familyId, List<Member> members, SessionRow s) {
        var clash = store.overlapping(familyId, members.stream().map(Member::key).toList(), s.startsAt(), s.endsAt(), s.id());
        if (!clash.isEmpty()) {
            throw InputProblem.keyed("members", "booking.problem.overlap", String.join(", ", clash));
        }
    }

    /**
     * Offers freed places in this session to the families waiting, first in line first. The caller holds the session's
     * row lock (it has just given a place back or changed the capacity), so every statement here lengthens the time
     * the session's other bookings wait: nothing is read that the place update checks itself (decision 111).
     */
    private void offerFreedPlaces(long sessionId, Instant now) {
        // whether anyone waits comes first: mostly nobody does, and then nothing else is read (decision 105)
        var next = store.firstWaitingUnlocked(sessionId);
        if (next.isEmpty()) {
            return;
        }
        // whether the session is open and not started yet is the place update's own condition below; only its start is
        // needed here (for the offer's time), and a session's start never changes once made (decision 111)
        Instant startsAt = sessionStart(sessionId);
        if (startsAt == null) {
            return;
        }
        offerPlaces(sessionId, startsAt, now, next.get());
    }

    /**
     * Offers free places to the families waiting, one place each, while a place update finds one: to {@code first}
     * (the first in line, locked) first, or, when null, to the first in line read after a place was found.
     */
    private void offerPlaces(long sessionId, Instant startsAt, Instant now, BookingRow first) {
        Duration time = offerTime(startsAt, now);
        var next = Optional.ofNullable(first);
        boolean holding = false; // a place taken for an offer that has not been made yet
        for (int guard = 0; guard < 50; guard++) {
            // a free place is asked for before the next in line is read: after a cancellation's one place was offered
            // the session is mostly full again, and then the line is not read a second time (decision 111)
            if (!holding) {
                if (!store.takePlaces(sessionId, 1, now)) {
                    return;
                }
                holding = true;
            }
            if (guard > 0 || next.isEmpty()) {
                next = store.firstWaitingUnlocked(sessionId);
                if (next.isEmpty()) {
                    store.givePlacesBack(sessionId, 1);
                    return;
                }
            }
            var w = next.get();
            if (!store.offer(w.id(), now.plus(time), now)) {
                continue; // no longer waiting: the place held goes to the next in line
            }
            holding = false;
            audit.record(AuditLog.Actor.SYSTEM, "booking.offered", "booking:" + w.id(), "session:" + sessionId);
            tellLater(w.familyId(), List.of(w), false, OFFER_MAIL, "booking.notice.offer", "/my-sessions");
        }
        if (holding) {
            store.givePlacesBack(sessionId, 1);
        }
    }

    /** How long an offer stands: shorter near the session, never more than half the time left, so someone else can still come. */
    private Duration offerTime(Instant startsAt, Instant now) {
        Duration untilStart = Duration.between(now, startsAt);
        return offerTime.compareTo(untilStart.dividedBy(2)) < 0 ? offerTime : untilStart.dividedBy(2);
    }

    /**
     * A cancellation's freed place (its booking, locked, no longer holds it): given straight to the first family in
     * line when one waits, else given back (decision 117). Everything that needs no lock on the session's row comes
     * first: the first in line is read and locked ({@code SKIP LOCKED}, as {@link #offerFreedPlaces}), offered the place,
     * audited, and the telling's row written; then one statement on the session's row passes the place on (its
     * {@code WHERE} is the place update's after the place was given back: open, not started; the count does not move,
     * one holder out and one in). When it finds the session cancelled or started, everything since the savepoint is
     * undone and the place is given back, as before (no offer). Then, as before, any further free place is offered.
     * The session's row is held for that one statement, the look for a further place and {@code COMMIT}, where giving
     * the place back and offering it held it for eight statements (decision 111).
     */
    private void passOnFreedPlaces(long sessionId, int places, Instant now) {
        if (places != 1) {
            store.givePlacesBack(sessionId, places);
            offerFreedPlaces(sessionId, now); // (never made: a booking holds one place) as before
            return;
        }
        // whether anyone waits comes first: mostly nobody does, and then nothing else is read (decision 105)
        var next = store.firstWaitingUnlocked(sessionId);
        Instant startsAt = next.isEmpty() ? null : sessionStart(sessionId);
        if (startsAt == null || !startsAt.isAfter(now)) {
            // nobody waits, or the session has started (no offers then, as the place update's condition says)
            store.givePlacesBack(sessionId, 1);
            return;
        }
        var w = next.get();
        store.savepoint();
        if (!store.offer(w.id(), now.plus(offerTime(startsAt, now)), now)) {
            // (it is locked, so still waiting; should that ever not hold: as before)
            store.givePlacesBack(sessionId, 1);
            offerFreedPlaces(sessionId, now);
            return;
        }
        audit.record(AuditLog.Actor.SYSTEM, "booking.offered", "booking:" + w.id(), "session:" + sessionId);
        var telling = new Telling(w.familyId(), List.of(w.id()), List.of(w.sequence()), false, OFFER_MAIL,
                "booking.notice.offer", "/my-sessions");
        long tellingId = store.queueTelling(telling, now, now.plus(TELLING_JOB_AFTER));
        if (!store.passPlaceOn(sessionId, now)) {
            store.rollbackToSavepoint(); // the offer, its audit row and its telling's row
            store.givePlacesBack(sessionId, 1);
            return;
        }
        tellAfterCommit(tellingId, telling);
        offerPlaces(sessionId, startsAt, now, null);
    }

    /** Sessions' starts, which never change once a session is made (no statement updates starts_at): read once each. */
    private final Map<Long, Instant> sessionStarts = new java.util.concurrent.ConcurrentHashMap<>();

    private Instant sessionStart(long sessionId) {
        var known = sessionStarts.get(sessionId);
        if (known != null) {
            return known;
        }
        var read = store.session(sessionId).map(SessionRow::startsAt).orElse(null);
        if (read != null) {
            if (sessionStarts.size() >= 20_000) {
                sessionStarts.clear(); // bounded: read again after a clear
            }
            sessionStarts.put(sessionId, read);
        }
        return read;
    }

    // ==== who may do what =====================================================================================

    private long myFamily() {
        var me = currentUser.require();
        if (!me.can(Capability.SEE_OWN_FAMILY) || me.familyId() == null) {
            throw new AccessDeniedException("Only a parent or carer books for their family");
        }
        return me.familyId();
    }

    private VillageUser requireRunsSessions() {
        var me = currentUser.require();
        if (!me.can(Capability.RUN_SESSIONS)) {
            audit.recordAlways(me.actor(), "access.denied", "booking", "run sessions");
            throw new AccessDeniedException("Only staff who run sessions");
        }
        return me;
    }

    /**
     * A worker acts only on the sessions they run themselves (a stale page or a forged id for a colleague's session is
     * refused and audited), whatever the caller: the calendar, the API or a service call.
     */
    private VillageUser requireRunsSession(long sessionId) {
        var me = requireRunsSessions();
        var session = store.session(sessionId).orElseThrow(() -> InputProblem.keyed(null, "booking.problem.noSession"));
        if (session.workerId() != me.id()) {
            audit.recordAlways(me.actor(), "access.denied", "session:" + sessionId, "not their session");
            throw new AccessDeniedException("Only the worker who runs this session");
        }
        return me;
    }

    /** A booking of my family; any other id (someone else's, or none) is the same "not found", and audited. */
    private BookingRow mine(long id) {
        long family = myFamily();
        var b = store.booking(id).filter(x -> x.familyId() == family);
        if (b.isEmpty()) {
            audit.recordAlways(currentUser.actor(), "access.denied", "booking:" + id, null);
            throw new BookingNotFound();
        }
        return b.get();
    }

    /** {@link #mine} and the booking's session, in one read (decision 110). */
    private BookingStore.BookingAndSession mineWithSession(long id) {
        long family = myFamily();
        var b = store.bookingAndSession(id).filter(x -> x.booking().familyId() == family);
        if (b.isEmpty()) {
            audit.recordAlways(currentUser.actor(), "access.denied", "booking:" + id, null);
            throw new BookingNotFound();
        }
        return b.get();
    }

    /** A booking in a session the signed-in worker runs. */
    private BookingRow ofMySession(long id) {
        var b = existing(id);
        requireRunsSession(b.sessionId());
        return b;
    }

    private BookingRow existing(long id) {
        return store.booking(id).orElseThrow(BookingNotFound::new);
    }

    // ==== members, notes, keys ================================================================================

    /**
     * Decision 110: true when none of these parents would be e-mailed now (e-mail is off unless a parent switches it
     * on with an address, and the portal can send). A change whose telling would be an e-mail and nothing else (a
     * place booked, requested, taken from an offer or given back: no notice) then writes no telling row: the telling
     * after the commit would only have taken the row and found nobody to write to. Read in the change's transaction
     * (on its connection), before any session's row is locked.
     */
    private boolean nobodyToMail(List<Long> parentIds) {
        return !emails.anyWanting(parentIds);
    }

    private boolean nobodyToMail(long familyId) {
        return nobodyToMail(people.parentNames(familyId).stream().map(People.Person::id).toList());
    }

    private List<Member> members(long familyId) {
        // ids and names in two plain reads (decision 097): the JPA family load read the family, its children and
        // its parents in a read-only transaction of its own
        return members(families.members(familyId));
    }

    private static List<Member> members(FamilyService.Members f) {
        var list = new ArrayList<Member>();
        f.parents().forEach(p -> list.add(new Member(Member.accountKey(p.id()), p.displayName())));
        f.children().forEach(c -> list.add(new Member(Member.childKey(c.id()), c.displayName())));
        return list;
    }

    private static List<Member> chooseMembers(List<Member> family, List<String> keys, SessionRow session) {
        if (keys.isEmpty()) {
            throw InputProblem.keyed("members", "booking.problem.noMembers");
        }
        var known = new LinkedHashMap<String, Member>();
        family.forEach(m -> known.put(m.key(), m));
        var chosen = new ArrayList<Member>();
        for (String k : new LinkedHashSet<>(keys)) {
            var m = k == null ? null : known.get(k.strip());
            if (m == null) {
                throw InputProblem.keyed("members", "booking.problem.notInFamily");
            }
            if (m.isChild() && !session.attendees().contains("SIBLINGS") && !session.attendees().contains("YOUNG_PERSON")) {
                throw InputProblem.keyed("members", "booking.problem.adultsOnly", m.name());
            }
            if (!m.isChild() && !session.attendees().contains("PARENTS")) {
                throw InputProblem.keyed("members", "booking.problem.childrenOnly", m.name());
            }
            chosen.add(new Member(m.key(), m.name().length() > 60 ? m.name().substring(0, 60) : m.name()));
        }
        return chosen;
    }

    private static String checkNote(String note) {
        if (note == null) {
            return null;
        }
        // control characters (other than line breaks and tabs) never reach the worker; everything else is kept as typed
        String n = org.village.shared.HiddenMarks.strip(note).replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", "").strip();
        if (n.length() > MAX_NOTE) {
            throw InputProblem.keyed("note", "booking.problem.noteLong", MAX_NOTE, n.length());
        }
        return n.isEmpty() ? null : n;
    }

    private static String checkKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        if (!IDEMPOTENCY_KEY.matcher(key.strip()).matches()) {
            throw InputProblem.keyed("Idempotency-Key", "booking.problem.key");
        }
        return key.strip();
    }

    /** Notice in whole hours, rounded up (at least 1), for the kind message. */
    private static int noticeText(int minutes) {
        return Math.max(1, (minutes + 59) / 60);
    }

    // ==== views, words, mail ==================================================================================

    private List<BookingView> views(List<BookingRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        var sessions = new HashMap<Long, SessionRow>();
        for (var r : rows) {
            sessions.computeIfAbsent(r.sessionId(), id -> store.session(id).orElseThrow());
        }
        var names = workerNames(sessions.values().stream().map(SessionRow::workerId).distinct().toList());
        var members = store.members(rows.stream().map(BookingRow::id).toList());
        var out = new ArrayList<BookingView>();
        for (var r : rows) {
            var s = sessions.get(r.sessionId());
            int position = r.status() == BookingStatus.WAITING ? store.waitingPosition(r) : 0;
            String place = placeShown(s, r.status());
            out.add(new BookingView(r.id(), r.sessionId(), r.familyId(), r.status(), s.startsAt(), s.endsAt(),
                    s.typeCode(), s.typeName(), Wording.firstName(names.get(s.workerId())), s.placeKind(), place,
                    members.getOrDefault(r.id(), List.of()), r.note(), position, r.offerExpiresAt(), r.groupId(),
                    !s.open()));
        }
        return out;
    }

    /** The address or phone words; a video link only for a place that is the family's. */
    private static String placeShown(SessionRow s, BookingStatus status) {
        boolean linkAllowed = status == BookingStatus.BOOKED || status == BookingStatus.ATTENDED;
        return "VIDEO".equals(s.placeKind()) ? (linkAllowed && s.videoLink() != null ? s.videoLink() : "")
                : s.placeDetail();
    }

    /**
     * The rows as {@link BookingStore#move} left them, for the telling: SEQUENCE one higher (the rows are locked, so
     * nothing else changed it), without reading each again (decision 105).
     */
    private static List<BookingRow> afterMove(List<BookingRow> rows) {
        return rows.stream().map(r -> new BookingRow(r.id(), r.sessionId(), r.familyId(), BookingStatus.CANCELLED,
                r.places(), r.note(), r.idempotencyKey(), r.bookedBy(), r.groupId(), r.sequence() + 1, r.waitingSince(),
                null, r.reminderSentAt(), r.createdAt())).toList();
    }

    private SessionSlot slot(SessionRow r, Map<Long, String> names) {
        boolean started = !r.startsAt().isAfter(clock.instant());
        return new SessionSlot(r.id(), r.typeCode(), r.typeName(), r.description(), r.startsAt(), r.endsAt(),
                r.capacity(), r.placesLeft(), r.open() && !started && r.placesLeft() == 0,
                Wording.firstName(names.get(r.workerId())), r.placeKind(), r.placeDetail(), r.attendees(),
                r.seriesLength(), r.confirmRequired(), !r.open());
    }

    private Map<Long, String> workerNames(List<Long> ids) {
        var map = new HashMap<Long, String>();
        for (var p : people.withRole(new LinkedHashSet<>(ids), Roles.WORKER)) {
            map.put(p.id(), p.displayName());
        }
        return map;
    }

    private String workerName(long workerId) {
        return workerNames(List.of(workerId)).get(workerId);
    }

    /**
     * The worker's name as read in the last minute: for the answer to a booking, which would otherwise read it once
     * per attempt while the session's row lock is held (decision 097). Only a name shown back to the family; no rule
     * depends on it, and a changed name shows within a minute.
     */
    private String recentWorkerName(long workerId) {
        Instant now = clock.instant();
        var cached = recentNames.get(workerId);
        if (cached != null && cached.until().isAfter(now) && !cached.until().isAfter(now.plus(NAME_KEPT))) {
            return cached.name();
        }
        String name = workerName(workerId);
        if (recentNames.size() > 2_000) {
            recentNames.clear();
        }
        recentNames.put(workerId, new RecentName(name, now.plus(NAME_KEPT)));
        return name;
    }

    private record RecentName(String name, Instant until) {
    }

    private String titleFor(long familyId, String workerName, Locale locale) {
        return Wording.title(store.ownWording(familyId).orElse(null), workerName, locale);
    }

    private List<CalendarFile.Event> events(List<BookingView> views, String title) {
        return events(views, title, v -> sequenceOf(v.id()));
    }

    private static List<CalendarFile.Event> events(List<BookingView> views, String title,
                                                   java.util.function.ToIntFunction<BookingView> sequence) {
        return views.stream().map(v -> new CalendarFile.Event(v.id(), sequence.applyAsInt(v), v.startsAt(), v.endsAt(),
                title, v.placeDetail(), null)).toList();
    }

    private int sequenceOf(long bookingId) {
        return store.booking(bookingId).map(BookingRow::sequence).orElse(0);
    }

    /**
     * After this transaction commits, the family is told (notice and/or e-mails with the calendar file), on another
     * thread and transaction; the row written here keeps it until it was done (decision 105).
     */
    private void tellLater(long familyId, List<BookingRow> rows, boolean cancelled, String mailKey, String noticeKey,
                           String noticeLink) {
        tellLater(new Telling(familyId, rows.stream().map(BookingRow::id).toList(),
                rows.stream().map(BookingRow::sequence).toList(), cancelled, mailKey, noticeKey, noticeLink));
    }

    /**
     * The telling's row is written in the change's own transaction (an outbox: it exists exactly when the change
     * committed, and survives a stop); after the commit one of the booking-news threads takes it and tells the family.
     * A row nobody took (the portal stopped, the queue was full, the telling failed) is taken by
     * {@link #tellOutstanding} (the booking-tellings job), a minute after the change at the earliest.
     */
    private void tellLater(Telling telling) {
        Instant now = clock.instant();
        tellAfterCommit(store.queueTelling(telling, now, now.plus(TELLING_JOB_AFTER)), telling);
    }

    /** After the transaction commits, a booking-news thread takes telling row {@code id} and tells the family. */
    private void tellAfterCommit(long id, Telling telling) {
        Runnable tellNow = () -> tellNow(id, telling, 0);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            hand(tellNow);
                        }
                    });
        } else {
            hand(tellNow);
        }
    }

    /** To a booking-news thread; when their queue is full the row waits for the job (never run here, in the commit). */
    private void hand(Runnable telling) {
        try {
            news.execute(telling);
        } catch (java.util.concurrent.RejectedExecutionException full) {
            log.warn("The booking-news queue is full; the booking-tellings job tells the family instead");
        }
    }

    /**
     * Takes the telling's row and tells the family, in one transaction: the row goes exactly when the notices and the
     * e-mail outbox rows are written. Whoever takes the row tells (the after-commit thread or the job, never both).
     * When it fails the row stays, and the job tries again later (a minute, then doubling, at most six hours).
     */
    private void tellNow(long id, Telling telling, int attempts) {
        try {
            if (takenWithNothingToTell(id, telling)) {
                return;
            }
            newsTx.executeWithoutResult(status -> {
                if (store.takeTelling(id)) {
                    tell(telling);
                }
            });
        } catch (RuntimeException e) {
            log.warn("Telling a family about booking change {} failed ({}); tried again later", id,
                    e.getClass().getSimpleName());
            try {
                long minutes = Math.min(360, 1L << Math.min(attempts, 9));
                store.tellingFailed(id, clock.instant().plus(Duration.ofMinutes(minutes)));
            } catch (RuntimeException alsoFailed) {
                log.warn("Could not put off telling {} ({})", id, alsoFailed.getClass().getSimpleName());
            }
        }
    }

    /**
     * Decision 108: a telling with no notice, for a family where no parent wants e-mail (e-mail is off unless a parent
     * switches it on), writes nothing: it only takes its row. That is done here in a plain JDBC transaction (the row's
     * DELETE, the parents, their e-mail settings, COMMIT: no Hibernate session and no SET statements, where the JPA
     * telling had both). When a parent does want e-mail the transaction is rolled back, the row is still there, and
     * {@link #tell} makes the e-mails in a JPA transaction as before (they are queued through the registry). True when
     * the row is gone (taken here, or by another taker, who tells).
     */
    private boolean takenWithNothingToTell(long id, Telling telling) {
        if (telling.noticeKey() != null
                || org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        return Boolean.TRUE.equals(quietNewsTx.execute(status -> {
            if (!store.takeTelling(id)) {
                return true;
            }
            if (telling.mailKey() != null) {
                var parents = people.parentsOf(telling.familyId());
                if (emails.anyWanting(parents.stream().map(People.Person::id).toList())) {
                    status.setRollbackOnly();
                    return false;
                }
            }
            return true;
        }));
    }

    /**
     * The booking-tellings job (after a stop, a full queue or a failed telling): tells the families whose rows are
     * due, oldest first, each in its own transaction. Returns how many rows it took up.
     */
    public int tellOutstanding(Instant now, int limit) {
        var due = store.tellingsDue(now, limit);
        for (var t : due) {
            tellNow(t.id(), t.telling(), t.attempts());
        }
        return due.size();
    }

    /** Tells the family what a committed change means for them: the notice, then the e-mails. */
    private void tell(Telling news) {
        if (news.mailKey() != null && OFFER_MAIL.equals(news.mailKey())) {
            // an offer that was taken, turned down or ran out before this ran is not offered again in words
            var offer = store.bookings(news.bookingIds()).stream()
                    .filter(b -> b.status() == BookingStatus.OFFERED).findFirst().orElse(null);
            if (offer == null) {
                return;
            }
            var parents = people.parentsOf(news.familyId());
            if (news.noticeKey() != null) {
                for (var parent : parents) {
                    notifications.tell(parent.id(), "booking", news.noticeKey(), news.noticeLink());
                }
            }
            // the session, names, wording and languages only when a parent wants e-mail, all parents' in one go
            // (decision 105; it was a JPA read of each parent's account and an e-mail queued each)
            emails.sendAllWanted(parents.stream().map(People.Person::id).toList(), wanted -> {
                var session = store.session(offer.sessionId()).orElseThrow();
                String worker = Wording.firstName(workerName(session.workerId()));
                String own = store.ownWording(news.familyId()).orElse(null);
                var to = parents.stream().filter(p -> wanted.contains(p.id())).toList();
                var languages = people.languagesOf(to.stream().map(People.Person::id).toList());
                int year = clock.instant().atZone(Times.ZONE).getYear();
                var mails = new ArrayList<Emails.Addressed>(to.size());
                for (var parent : to) {
                    String language = languages.get(parent.id());
                    Locale locale = language == null || language.isBlank() ? Locale.ENGLISH
                            : Locale.forLanguageTag(language);
                    String title = Wording.title(own, worker, locale);
                    mails.add(new Emails.Addressed(parent.id(), new Email(title, OFFER_MAIL, List.of(title,
                            Wording.when(session.startsAt(), session.endsAt(), locale, year),
                            Wording.moment(offer.offerExpiresAt(), locale, year)), "/my-sessions", null)));
                }
                return mails;
            });
            return;
        }
        // the family's parents read once for the notice and the e-mails (decision 101)
        var parents = people.parentsOf(news.familyId());
        if (news.noticeKey() != null) {
            for (var parent : parents) {
                notifications.tell(parent.id(), "booking", news.noticeKey(), news.noticeLink());
            }
        }
        if (news.mailKey() != null && !parents.isEmpty()) {
            // who wants e-mail is read first: when no parent does (e-mail is off unless switched on), the bookings,
            // sessions, names, wording and languages are not read at all (decision 105)
            emails.sendAllWanted(parents.stream().map(People.Person::id).toList(), wanted -> {
                var to = parents.stream().filter(p -> wanted.contains(p.id())).toList();
                var sequences = new HashMap<Long, Integer>();
                for (int i = 0; i < news.bookingIds().size(); i++) {
                    sequences.put(news.bookingIds().get(i), news.sequences().get(i));
                }
                var views = views(store.bookings(news.bookingIds()));
                return familyMails(views, news.cancelled(), news.mailKey(), v -> sequences.getOrDefault(v.id(), 0),
                        store.ownWording(news.familyId()).orElse(null), to,
                        people.languagesOf(to.stream().map(People.Person::id).toList()));
            });
        }
    }

    /**
     * The e-mails (with the calendar file) for each parent of a family; parents who read the same title share one
     * calendar file, built once.
     */
    private List<Emails.Addressed> familyMails(List<BookingView> views, boolean cancelled, String bodyKey,
                                               java.util.function.ToIntFunction<BookingView> sequence, String own,
                                               List<People.Person> parents, Map<Long, String> languages) {
        if (views.isEmpty() || parents.isEmpty()) {
            return List.of();
        }
        var first = views.getFirst();
        int year = clock.instant().atZone(Times.ZONE).getYear();
        var files = new HashMap<String, byte[]>();
        var out = new ArrayList<Emails.Addressed>(parents.size());
        for (var parent : parents) {
            String language = languages.get(parent.id());
            Locale locale = language == null || language.isBlank() ? Locale.ENGLISH : Locale.forLanguageTag(language);
            String title = Wording.title(own, first.workerFirstName(), locale);
            byte[] ics = files.computeIfAbsent(title, t -> CalendarFile.build(events(views, t, sequence), cancelled, organizer));
            String when = Wording.when(first.startsAt(), first.endsAt(), locale, year);
            out.add(new Emails.Addressed(parent.id(), new Email(title, bodyKey, List.of(title, when), "/my-sessions",
                    new Email.Attachment("session.ics", CalendarFile.contentType(cancelled), ics))));
        }
        return out;
    }

    /**
     * Runs in a transaction, again (up to five times in all) when the database picked it to lose a deadlock. A plain
     * JDBC transaction (decision 105: no Hibernate session; nothing inside starts a JPA transaction: the store is
     * JdbcClient, {@code AuditLog.record} joins with SUPPORTS, the telling is a row of ours), or the caller's
     * transaction when one is on (a JDBC one could not join a JPA one).
     */
    private <T> T retrying(Supplier<T> work) {
        return retrying(
                org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()
                        ? tx : jdbcTx, work);
    }

    /** {@link #retrying} in a JPA transaction: for work that queues e-mails (the registry's insert is JPA-managed). */
    private <T> T retryingJpa(Supplier<T> work) {
        return retrying(tx, work);
    }

    private <T> T retrying(TransactionTemplate template, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> {
                    // READ COMMITTED: each statement after the family lock sees every booking committed before it
                    // (under REPEATABLE READ a snapshot taken before the lock could hide one); fewer gap locks
                    // (only when this is a new transaction: joining a caller's, it keeps the caller's level)
                    if (status.isNewTransaction() && template != jdbcTx) {
                        store.readCommittedNext();
                    }
                    return work.get();
                });
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= 5) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** A kind of session, for choosing. */
    public record TypeChoice(String code, String name) {
    }
}
