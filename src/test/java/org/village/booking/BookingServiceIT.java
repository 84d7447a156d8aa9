package org.village.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.notification.Emails;
import org.village.notification.internal.MailTransport;
import org.village.shared.InputProblem;

/**
 * Every booking transition through the service, with the time moved by passing "now" to the jobs (the jobs take
 * the instant; nothing waits): book, cancel, rebook, waiting list, offer, expiry to the next family, accept, requests,
 * a worker's actions, courses, reminders once, and the e-mails with their .ics read back from the SMTP server.
 */
class BookingServiceIT extends IntegrationTest {

    @Autowired
    Bookings bookings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestUsers users;
    @Autowired
    Emails emails;
    @Autowired
    MailTransport transport;
    @Autowired
    Clock clock;

    BookingFixture data;
    long sam;

    @BeforeEach
    void setUp() {
        data = new BookingFixture(jdbc);
        sam = data.workerId("worker.sam");
    }

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private Instant inDays(double days) {
        return clock.instant().plus(Duration.ofMinutes((long) (days * 24 * 60))).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    }

    private BookingRequest req(long session, BookingFixture.Fam f, String note, String key) {
        return new BookingRequest(session, List.of(f.parentKey()), note, key);
    }

    private String problem(Runnable r) {
        try {
            r.run();
        } catch (InputProblem p) {
            return p.key();
        }
        throw new AssertionError("expected a kind refusal");
    }

    /** What {@code call} answers, signed in as the family's parent. */
    private <T> T as(BookingFixture.Fam f, java.util.function.Supplier<T> call) {
        users.as(f.username());
        return call.get();
    }

    private void mailOn(BookingFixture.Fam f) {
        users.as(f.username());
        emails.saveMySetting(true, f.username() + "@example.org");
    }

    private List<MimeMessage> mailTo(BookingFixture.Fam f) {
        String address = f.username() + "@example.org";
        return transport.inProcess().orElseThrow().received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(address);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Calendar calendarOf(MimeMessage m) throws Exception {
        var parts = (Multipart) m.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Part p = parts.getBodyPart(i);
            if ("session.ics".equals(p.getFileName())) {
                var out = new ByteArrayOutputStream();
                p.getDataHandler().writeTo(out);
                return new CalendarBuilder().build(new java.io.ByteArrayInputStream(out.toByteArray()));
            }
        }
        throw new AssertionError("no .ics attached");
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }

    @Test
    void aParentBooksCancelsAndRebooksWithAConfirmationAndACancellationInTheirCalendar() throws Exception {
        var type = data.groupType(4);
        long session = data.session(type, sam, inDays(3), Duration.ofHours(1), 4);
        var fam = data.family("Mia");
        mailOn(fam);

        var booked = bookings.book(new BookingRequest(session, List.of(fam.parentKey(), fam.childKey(0)),
                "We may be 5 minutes late <script>alert(1)</script> \u202Eevil", null));
        assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(booked.members()).extracting(Member::name).contains("Mia");
        assertThat(booked.note()).as("kept as typed, shown as text; a direction override is taken out so it cannot turn"
                + " the note round in the worker's calendar").contains("<script>alert(1)</script>").contains("evil")
                .doesNotContain("\u202E");
        assertThat(booked.workerFirstName()).isEqualTo("Sam");
        assertThat(data.placesTaken(session)).isEqualTo(1);
        assertThat(bookings.myBookings(true)).extracting(BookingView::id).contains(booked.id());

        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(fam).size() == 1);
        var confirmation = mailTo(fam).getFirst();
        assertThat(confirmation.getSubject()).isEqualTo("Meeting with Sam");
        var ics = calendarOf(confirmation);
        assertThat(ics.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("REQUEST");
        var event = (VEvent) ics.getComponents("VEVENT").getFirst();
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(CalendarFile.uid(booked.id()));
        assertThat(event.getSummary().getValue()).isEqualTo("Meeting with Sam");
        assertThat(Instant.from(event.getDateTimeStart().getDate())).isEqualTo(booked.startsAt());
        int firstSequence = event.getSequence().getSequenceNo();

        bookings.cancel(booked.id());
        assertThat(data.status(booked.id())).isEqualTo("CANCELLED");
        assertThat(data.placesTaken(session)).isZero();
        bookings.cancel(booked.id()); // twice is harmless
        assertThat(data.placesTaken(session)).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(fam).size() == 2);
        var cancelIcs = calendarOf(mailTo(fam).get(1));
        assertThat(cancelIcs.getProperty("METHOD").orElseThrow().getValue()).isEqualTo("CANCEL");
        var cancelled = (VEvent) cancelIcs.getComponents("VEVENT").getFirst();
        assertThat(cancelled.getUid().orElseThrow().getValue()).isEqualTo(CalendarFile.uid(booked.id()));
        assertThat(cancelled.getSequence().getSequenceNo()).isGreaterThan(firstSequence);
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");
        for (var m : mailTo(fam)) {
            // the subject says nothing at all about the service; the body (which ends with the portal's address,
            // "Village" being the partnership's discreet name) never names its purpose
            assertThat(WordingTest.NEVER).noneMatch(m.getSubject().toLowerCase()::contains);
            String body = new String(m.getInputStream().readAllBytes()).toLowerCase();
            assertThat(List.of("exploit", "abuse", "police", "grooming", "county lines", "crime", "therapy",
                    "counselling", "family support")).noneMatch(body::contains);
        }

        // rebook freely: no limit on how often
        var again = bookings.book(req(session, fam, null, null));
        assertThat(again.id()).isNotEqualTo(booked.id());
        assertThat(data.placesTaken(session)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE target = ? AND action = 'booking.cancelled'",
                "booking:" + booked.id())).isEqualTo(1);
    }

    @Test
    void aFreedPlaceIsOfferedInTurnAndPassesOnWhenTheOfferRunsOut() {
        var type = data.groupType(1);
        long session = data.session(type, sam, inDays(4), Duration.ofHours(1), 1);
        var a = data.family();
        var b = data.family();
        var c = data.family();

        users.as(a.username());
        var aBooking = bookings.book(req(session, a, null, null));

        users.as(b.username());
        assertThat(problem(() -> bookings.book(req(session, b, null, null)))).isEqualTo(Bookings.FULL);
        assertThat(bookings.session(session).orElseThrow().waitingList()).isTrue();
        var bWaiting = bookings.joinWaitingList(req(session, b, "please", null));
        assertThat(bWaiting.status()).isEqualTo(BookingStatus.WAITING);
        assertThat(bWaiting.waitingPosition()).isEqualTo(1);

        users.as(c.username());
        var cWaiting = bookings.joinWaitingList(req(session, c, null, null));
        assertThat(cWaiting.waitingPosition()).isEqualTo(2);

        users.as(a.username());
        bookings.cancel(aBooking.id());
        assertThat(data.status(bWaiting.id())).isEqualTo("OFFERED");
        assertThat(data.placesTaken(session)).as("the offer holds the place").isEqualTo(1);
        // the family is told after the commit, on another thread (decision 096)
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM notification WHERE account_id = ?"
                + " AND text_key = 'booking.notice.offer'", b.parentId()) == 1);

        users.as(b.username());
        var offered = bookings.myBooking(bWaiting.id());
        assertThat(offered.offerExpiresAt()).isBetween(clock.instant().plus(Duration.ofHours(23)),
                clock.instant().plus(Duration.ofHours(25)));

        // the time passes: the job (as any node would run it) ends B's offer and offers C the place
        assertThat(bookings.expireOffers(clock.instant().plus(Duration.ofHours(25)), 100)).isGreaterThanOrEqualTo(1);
        assertThat(data.status(bWaiting.id())).isEqualTo("EXPIRED");
        assertThat(data.status(cWaiting.id())).isEqualTo("OFFERED");
        assertThat(data.placesTaken(session)).isEqualTo(1);
        assertThat(problem(() -> bookings.acceptOffer(bWaiting.id()))).isEqualTo("booking.problem.noOffer");
        assertThat(bookings.expireOffers(clock.instant().plus(Duration.ofHours(25)), 100)).as("once").isZero();

        users.as(c.username());
        var accepted = bookings.acceptOffer(cWaiting.id());
        assertThat(accepted.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(data.placesTaken(session)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE target = ? AND action IN ('booking.offered',"
                + " 'booking.offer.expired')", "booking:" + bWaiting.id())).isEqualTo(2);
    }

    /**
     * Decision 117: a cancellation offers its freed place before it touches the session's row, then passes the place on
     * in one statement; when that statement finds the session no longer open, the offer, its audit row and its telling
     * are undone (back to the savepoint) and the place is given back, while the cancellation itself stays.
     */
    @Test
    void aFreedPlaceIsNotOfferedWhenTheSessionClosedMeanwhileAndTheCountStaysTrue() {
        var type = data.groupType(2);
        long session = data.session(type, sam, inDays(4.5), Duration.ofHours(1), 2);
        var a = data.family();
        var b = data.family();
        var c = data.family();
        var aBooking = as(a, () -> bookings.book(req(session, a, null, null)));
        var bBooking = as(b, () -> bookings.book(req(session, b, null, null)));
        var cWaiting = as(c, () -> bookings.joinWaitingList(req(session, c, null, null)));
        assertThat(cWaiting.status()).isEqualTo(BookingStatus.WAITING);

        // the usual way: A's place goes to C, the count does not move and equals the places held
        users.as(a.username());
        bookings.cancel(aBooking.id());
        assertThat(data.status(aBooking.id())).isEqualTo("CANCELLED");
        assertThat(data.status(cWaiting.id())).isEqualTo("OFFERED");
        assertThat(data.placesTaken(session)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'booking.offered' AND target = ?",
                "booking:" + cWaiting.id())).isEqualTo(1);

        // D waits; the session is closed under the portal (as a worker's cancellation that raced this one would leave
        // it, bookings still live): B's cancellation finds it closed when it passes the place on
        var d = data.family();
        var dWaiting = as(d, () -> bookings.joinWaitingList(req(session, d, null, null)));
        assertThat(dWaiting.status()).isEqualTo(BookingStatus.WAITING);
        jdbc.sql("UPDATE booking_session SET status = 'CANCELLED' WHERE id = ?").param(session).update();
        users.as(b.username());
        bookings.cancel(bBooking.id());
        assertThat(data.status(bBooking.id())).as("the cancellation itself stays").isEqualTo("CANCELLED");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'booking.cancelled' AND target = ?",
                "booking:" + bBooking.id())).isEqualTo(1);
        assertThat(data.status(dWaiting.id())).as("no offer in a closed session").isEqualTo("WAITING");
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'booking.offered' AND target = ?",
                "booking:" + dWaiting.id())).as("the offer's audit row undone with it").isZero();
        assertThat(count("SELECT COUNT(*) FROM booking_telling WHERE family_id = ?", d.id())).isZero();
        assertThat(data.placesTaken(session)).as("B's place given back").isEqualTo(1);
    }

    @Test
    void aDeclinedOfferGoesToTheNextFamily() {
        var type = data.groupType(1);
        long session = data.session(type, sam, inDays(5), Duration.ofHours(1), 1);
        var a = data.family();
        var b = data.family();
        var c = data.family();
        users.as(a.username());
        var aBooking = bookings.book(req(session, a, null, null));
        users.as(b.username());
        var bWaiting = bookings.joinWaitingList(req(session, b, null, null));
        users.as(c.username());
        var cWaiting = bookings.joinWaitingList(req(session, c, null, null));
        users.as(a.username());
        bookings.cancel(aBooking.id());
        users.as(b.username());
        bookings.declineOffer(bWaiting.id());
        assertThat(data.status(bWaiting.id())).isEqualTo("DECLINED");
        assertThat(data.status(cWaiting.id())).isEqualTo("OFFERED");
        assertThat(data.placesTaken(session)).isEqualTo(1);
    }

    @Test
    void aRequestWaitsForTheWorkerWhoConfirmsOrDeclinesIt() {
        var type = data.type(2, true, 0, 0, 1, "PARENTS", "VIDEO");
        long session = data.session(type, sam, inDays(6), Duration.ofHours(1), 2);
        var a = data.family();
        var b = data.family();
        users.as(a.username());
        var aRequest = bookings.book(req(session, a, null, null));
        assertThat(aRequest.status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(aRequest.placeDetail()).as("the video link only once booked").isEmpty();
        users.as(b.username());
        var bRequest = bookings.book(req(session, b, null, null));
        assertThat(data.placesTaken(session)).isEqualTo(2);

        users.as(a.username());
        assertThatThrownBy(() -> bookings.confirm(aRequest.id())).isInstanceOf(AccessDeniedException.class);

        users.as("worker.sam");
        assertThat(bookings.sessionBookings(session)).extracting(BookingView::id).contains(aRequest.id(), bRequest.id());
        bookings.confirm(aRequest.id());
        bookings.declineRequest(bRequest.id());
        assertThat(data.status(aRequest.id())).isEqualTo("BOOKED");
        assertThat(data.status(bRequest.id())).isEqualTo("DECLINED");
        assertThat(data.placesTaken(session)).isEqualTo(1);
        assertThat(problem(() -> bookings.confirm(bRequest.id()))).isEqualTo("booking.problem.notARequest");
        assertThat(problem(() -> bookings.markAttendance(aRequest.id(), true))).isEqualTo("booking.problem.notStarted");

        users.as(a.username());
        assertThat(bookings.myBooking(aRequest.id()).placeDetail()).isEqualTo("https://video.example/room");
    }

    @Test
    void badRequestsAreRefusedKindlyAndNothingIsTaken() {
        var type = data.type(3, false, 24 * 60, 48 * 60, 1, "PARENTS", "ADDRESS");
        var anyType = data.groupType(3);
        long soon = data.session(type, sam, inDays(0.5), Duration.ofHours(1), 3);
        long later = data.session(type, sam, inDays(7), Duration.ofHours(1), 3);
        long past = data.session(anyType, sam, inDays(-1), Duration.ofHours(1), 3);
        long started = data.session(anyType, sam, clock.instant().minus(Duration.ofMinutes(10)), Duration.ofHours(1), 3);
        long cancelled = data.session(anyType, sam, inDays(8), Duration.ofHours(1), 3);
        jdbc.sql("UPDATE booking_session SET status = 'CANCELLED' WHERE id = ?").param(cancelled).update();
        var fam = data.family("Leo");
        var other = data.family("Ola");
        users.as(fam.username());

        assertThat(problem(() -> bookings.book(req(soon, fam, null, null)))).isEqualTo("booking.problem.tooSoon");
        assertThat(problem(() -> bookings.book(req(past, fam, null, null)))).isEqualTo("booking.problem.started");
        assertThat(problem(() -> bookings.book(req(started, fam, null, null)))).isEqualTo("booking.problem.started");
        assertThat(problem(() -> bookings.book(req(cancelled, fam, null, null)))).isEqualTo("booking.problem.sessionCancelled");
        assertThat(problem(() -> bookings.book(req(999_999_999L, fam, null, null)))).isEqualTo("booking.problem.noSession");
        assertThat(problem(() -> bookings.book(new BookingRequest(later, List.of(other.childKey(0)), null, null))))
                .isEqualTo("booking.problem.notInFamily");
        assertThat(problem(() -> bookings.book(new BookingRequest(later, List.of("account:1 OR 1=1"), null, null))))
                .isEqualTo("booking.problem.notInFamily");
        assertThat(problem(() -> bookings.book(new BookingRequest(later, List.of(), null, null))))
                .isEqualTo("booking.problem.noMembers");
        assertThat(problem(() -> bookings.book(new BookingRequest(later, List.of(fam.childKey(0)), null, null))))
                .isEqualTo("booking.problem.adultsOnly");
        assertThat(problem(() -> bookings.book(req(later, fam, "x".repeat(1001), null)))).isEqualTo("booking.problem.noteLong");
        assertThat(problem(() -> bookings.book(req(later, fam, null, "bad key with spaces")))).isEqualTo("booking.problem.key");
        assertThat(data.placesTaken(later)).isZero();

        var ok = bookings.book(req(later, fam, "'; DROP TABLE booking; --", null));
        assertThat(ok.note()).isEqualTo("'; DROP TABLE booking; --");
        assertThat(problem(() -> bookings.book(req(later, fam, null, null)))).isEqualTo(Bookings.ALREADY_BOOKED);
        assertThat(problem(() -> bookings.joinWaitingList(req(later, fam, null, null)))).isEqualTo(Bookings.ALREADY_BOOKED);

        // a session at an overlapping time, with another worker: the same person cannot be in both
        long clash = data.session(anyType, data.workerId("worker.alex"), inDays(7).plus(Duration.ofMinutes(30)),
                Duration.ofHours(1), 3);
        assertThat(problem(() -> bookings.book(req(clash, fam, null, null)))).isEqualTo("booking.problem.overlap");
        // the child is not in the other one, so the child alone may go
        assertThat(bookings.book(new BookingRequest(clash, List.of(fam.childKey(0)), null, null)).status())
                .isEqualTo(BookingStatus.BOOKED);

        // cancelling after the cut-off (48 h before) says who to call
        long near = data.session(data.type(3, false, 0, 48 * 60, 1, "PARENTS", "PHONE"), sam, inDays(1),
                Duration.ofHours(1), 3);
        var nearBooking = bookings.book(req(near, fam, null, null));
        try {
            bookings.cancel(nearBooking.id());
            throw new AssertionError("expected a refusal");
        } catch (InputProblem p) {
            assertThat(p.key()).isEqualTo("booking.problem.tooLateToCancel");
            assertThat(p.getMessage()).contains("Sam").contains("call");
        }
        assertThat(data.status(nearBooking.id())).isEqualTo("BOOKED");
    }

    @Test
    void theSameIdempotencyKeyGivesTheFirstBookingBack() {
        var type = data.groupType(5);
        long session = data.session(type, sam, inDays(9), Duration.ofHours(1), 5);
        var fam = data.family();
        users.as(fam.username());
        var first = bookings.book(req(session, fam, null, "tap-123"));
        var again = bookings.book(req(session, fam, null, "tap-123"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(data.placesTaken(session)).isEqualTo(1);
    }

    @Test
    void aParentSeesAndChangesOnlyTheirOwnFamilysBookings() {
        var type = data.groupType(5);
        long session = data.session(type, sam, inDays(10), Duration.ofHours(1), 5);
        var mine = data.family();
        var theirs = data.family();
        users.as(theirs.username());
        var theirBooking = bookings.book(req(session, theirs, "private", null));

        users.as(mine.username());
        assertThatThrownBy(() -> bookings.myBooking(theirBooking.id())).isInstanceOf(BookingNotFound.class);
        assertThatThrownBy(() -> bookings.cancel(theirBooking.id())).isInstanceOf(BookingNotFound.class);
        assertThatThrownBy(() -> bookings.acceptOffer(theirBooking.id())).isInstanceOf(BookingNotFound.class);
        assertThatThrownBy(() -> bookings.declineOffer(theirBooking.id())).isInstanceOf(BookingNotFound.class);
        assertThatThrownBy(() -> bookings.calendarFile(theirBooking.id())).isInstanceOf(BookingNotFound.class);
        assertThat(bookings.myBookings(true)).extracting(BookingView::id).doesNotContain(theirBooking.id());
        assertThat(data.status(theirBooking.id())).isEqualTo("BOOKED");
        assertThatThrownBy(() -> bookings.sessionBookings(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.cancelSession(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.changeCapacity(session, 1)).isInstanceOf(AccessDeniedException.class);

        users.as("peer.jo");
        assertThatThrownBy(() -> bookings.book(req(session, mine, null, null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.bookOnBehalf(mine.id(), req(session, mine, null, null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aWorkerBooksAFamilyInChangesCapacityAndCancelsTheSessionKindly() {
        var type = data.groupType(3);
        long session = data.session(type, sam, inDays(11), Duration.ofHours(1), 3);
        var fam = data.family("Kai");
        var unassigned = data.family();
        data.assign(fam.id(), sam);

        users.as("worker.sam");
        var forThem = bookings.bookOnBehalf(fam.id(), new BookingRequest(session, List.of(fam.parentKey(),
                fam.childKey(0)), "booked by phone", null));
        assertThat(forThem.status()).isEqualTo(BookingStatus.BOOKED);
        assertThatThrownBy(() -> bookings.bookOnBehalf(unassigned.id(), req(session, unassigned, null, null)))
                .isInstanceOf(AccessDeniedException.class);

        // a colleague who also runs sessions cannot act on Sam's session, whatever id a stale page or forged call sends
        users.as("worker.alex");
        assertThatThrownBy(() -> bookings.sessionBookings(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.changeCapacity(session, 1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.cancelSession(session)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.markAttendance(forThem.id(), true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.cancel(forThem.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> bookings.calendarFile(forThem.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(data.status(forThem.id())).isEqualTo("BOOKED");
        users.as("worker.sam");

        assertThat(problem(() -> bookings.changeCapacity(session, 0))).isEqualTo("booking.problem.capacityRange");
        users.as(unassigned.username());
        bookings.book(req(session, unassigned, null, null));
        users.as("worker.sam");
        assertThat(problem(() -> bookings.changeCapacity(session, 1))).isEqualTo("booking.problem.capacityBelowBooked");
        bookings.changeCapacity(session, 2);
        assertThat(jdbc.sql("SELECT capacity FROM booking_session WHERE id = ?").param(session).query(Integer.class).single())
                .isEqualTo(2);

        bookings.cancelSession(session);
        assertThat(data.status(forThem.id())).isEqualTo("CANCELLED");
        assertThat(data.placesTaken(session)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT COUNT(*) FROM notification WHERE account_id = ?"
                + " AND text_key = 'booking.notice.sessionCancelled' AND link = ?", fam.parentId(),
                "/sessions?type=" + type.code()) == 1);
        users.as(fam.username());
        assertThat(problem(() -> bookings.book(req(session, fam, null, null)))).isEqualTo("booking.problem.sessionCancelled");
    }

    @Test
    void aCourseIsBookedWholeOrNotAtAll() {
        var type = data.type(2, false, 0, 0, 3, "PARENTS", "ADDRESS");
        var ids = data.series(type, sam, inDays(12), 3, 2);
        var a = data.family();
        var b = data.family();
        var c = data.family();
        // the third week is already full
        jdbc.sql("UPDATE booking_session SET places_taken = capacity WHERE id = ?").param(ids.get(2)).update();

        users.as(a.username());
        assertThat(problem(() -> bookings.book(req(ids.getFirst(), a, null, null)))).isEqualTo(Bookings.FULL);
        assertThat(data.placesTaken(ids.get(0))).isZero();
        assertThat(data.placesTaken(ids.get(1))).isZero();

        jdbc.sql("UPDATE booking_session SET places_taken = 0 WHERE id = ?").param(ids.get(2)).update();
        var course = bookings.book(req(ids.get(1), a, null, "course-1"));
        assertThat(course.groupId()).isNotNull();
        assertThat(ids).allMatch(id -> data.placesTaken(id) == 1);
        assertThat(count("SELECT COUNT(*) FROM booking WHERE group_id = ?", course.groupId())).isEqualTo(3);
        assertThat(bookings.book(req(ids.get(1), a, null, "course-1")).id()).as("a retry").isEqualTo(course.id());

        users.as(b.username());
        bookings.book(req(ids.getFirst(), b, null, null));
        users.as(c.username());
        assertThat(problem(() -> bookings.book(req(ids.getFirst(), c, null, null)))).isEqualTo(Bookings.FULL);

        users.as(a.username());
        bookings.cancel(course.id());
        assertThat(count("SELECT COUNT(*) FROM booking WHERE group_id = ? AND status = 'CANCELLED'", course.groupId()))
                .isEqualTo(3);
        assertThat(ids).allMatch(id -> data.placesTaken(id) == 1);
    }

    @Test
    void theDayBeforeReminderGoesOnceWithTheFamilysOwnWording() throws Exception {
        var type = data.groupType(3);
        Instant start = inDays(3);
        long session = data.session(type, sam, start, Duration.ofHours(1), 3);
        var fam = data.family();
        mailOn(fam);
        bookings.saveMyWording("Coffee with Jo");
        assertThat(bookings.myWording()).isEqualTo("Coffee with Jo");
        var booked = bookings.book(req(session, fam, null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(fam).size() == 1);
        assertThat(mailTo(fam).getFirst().getSubject()).isEqualTo("Coffee with Jo");

        Instant dayBefore = start.minus(Duration.ofHours(20));
        assertThat(bookings.sendReminders(dayBefore.minus(Duration.ofDays(1)), 50)).as("too early").isZero();
        int first = bookings.sendReminders(dayBefore, 50);
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(bookings.sendReminders(dayBefore, 50)).as("each reminder once").isZero();
        assertThat(jdbc.sql("SELECT reminder_sent_at IS NOT NULL FROM booking WHERE id = ?").param(booked.id())
                .query(Boolean.class).single()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(fam).size() == 2);
        var reminder = mailTo(fam).get(1);
        assertThat(reminder.getSubject()).isEqualTo("Coffee with Jo");
        var event = (VEvent) calendarOf(reminder).getComponents("VEVENT").getFirst();
        assertThat(event.getSummary().getValue()).isEqualTo("Coffee with Jo");
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(CalendarFile.uid(booked.id()));
    }
}
