package org.village.booking.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.village.booking.BookingNotFound;
import org.village.booking.BookingRequest;
import org.village.booking.BookingView;
import org.village.booking.Bookings;
import org.village.booking.Member;
import org.village.booking.SessionSlot;
import org.village.shared.InputProblem;
import org.village.shared.api.ApiError;

/**
 * The booking API for the phone app (issue 13), behind a Bearer token ({@code ApiSecurityConfig}). Every check is
 * the service's: a parent sees and changes only their own family's bookings, and any other id is a 404. Bad input
 * is a 422 with a plain message; a full session or a second booking of the same session a 409 with a code.
 */
@RestController
class BookingController {

    private final Bookings bookings;
    private final java.time.Clock clock;

    BookingController(Bookings bookings, java.time.Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @GetMapping(value = "/api/booking/sessions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> sessions(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to,
                                       @RequestParam(required = false) String type) {
        LocalDate start = date("from", from, LocalDate.now(clock.withZone(org.village.shared.Times.ZONE)));
        LocalDate end = date("to", to, start.plusDays(27));
        return bookings.sessions(start, end, type).stream().map(BookingController::session).toList();
    }

    @PostMapping(value = "/api/bookings", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> book(@RequestBody NewBooking body,
                                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        if (body == null || body.sessionId() == null) {
            throw InputProblem.keyed("sessionId", "booking.problem.noSession");
        }
        var request = new BookingRequest(body.sessionId(), body.members(), body.note(), key);
        var view = Boolean.TRUE.equals(body.waitingList()) ? bookings.joinWaitingList(request) : bookings.book(request);
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(booking(view));
    }

    @GetMapping(value = "/api/bookings", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> mine() {
        var all = new java.util.ArrayList<>(bookings.myBookings(true));
        all.addAll(bookings.myBookings(false));
        return all.stream().map(BookingController::booking).toList();
    }

    @GetMapping(value = "/api/bookings/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> one(@PathVariable long id) {
        return booking(bookings.myBooking(id));
    }

    @DeleteMapping("/api/bookings/{id}")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        bookings.cancel(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/bookings/{id}.ics")
    ResponseEntity<byte[]> calendar(@PathVariable long id) {
        byte[] ics = bookings.calendarFile(id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/calendar; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"session-" + id + ".ics\"").body(ics);
    }

    @ExceptionHandler(InputProblem.class)
    ResponseEntity<Map<String, Object>> problem(InputProblem problem) {
        if (Bookings.FULL.equals(problem.key())) {
            return conflict("full", true, problem.getMessage());
        }
        if (Bookings.ALREADY_BOOKED.equals(problem.key())) {
            return conflict("already_booked", null, problem.getMessage());
        }
        return ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, problem.field(), problem.getMessage());
    }

    @ExceptionHandler(BookingNotFound.class)
    ResponseEntity<Map<String, Object>> notFound() {
        return ApiError.of(HttpStatus.NOT_FOUND, null, "There is no such booking for your family.");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable() {
        return ApiError.of(HttpStatus.UNPROCESSABLE_CONTENT, null,
                "We could not read that. Please send JSON with sessionId, members and note.");
    }

    private static ResponseEntity<Map<String, Object>> conflict(String code, Boolean waitingList, String message) {
        var body = new LinkedHashMap<String, Object>();
        body.put("code", code);
        if (waitingList != null) {
            body.put("waitingList", waitingList);
        }
        body.put("message", message);
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static LocalDate date(String name, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InputProblem.keyed(name, "booking.problem.dateForm");
        }
    }

    private static Map<String, Object> session(SessionSlot s) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", s.id());
        m.put("type", s.typeCode());
        m.put("typeName", s.typeName());
        m.put("startsAt", s.startsAt().toString());
        m.put("endsAt", s.endsAt().toString());
        m.put("placesLeft", s.placesLeft());
        m.put("waitingList", s.waitingList());
        m.put("worker", s.workerFirstName());
        m.put("place", s.placeKind());
        return m;
    }

    private static Map<String, Object> booking(BookingView b) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", b.id());
        m.put("sessionId", b.sessionId());
        m.put("status", b.status().apiName());
        m.put("startsAt", b.startsAt().toString());
        m.put("endsAt", b.endsAt().toString());
        m.put("members", b.members().stream().map(Member::key).toList());
        m.put("memberNames", b.members().stream().map(Member::name).toList());
        m.put("note", b.note());
        if (b.waitingPosition() > 0) {
            m.put("waitingPosition", b.waitingPosition());
        }
        if (b.offerExpiresAt() != null) {
            m.put("offerExpiresAt", b.offerExpiresAt().toString());
        }
        return m;
    }

    /** The JSON a client posts. */
    record NewBooking(Long sessionId, List<String> members, String note, Boolean waitingList) {
    }
}
