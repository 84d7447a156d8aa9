package org.village.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.village.directory.internal.ServiceQuery;
import org.village.directory.internal.ServiceStore;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.Times;

/**
 * The public service directory: search with filters (run as SQL, a page at a time), one service in full,
 * the needs taxonomy and areas, and admin edits (checked and audited).
 */
@Service
// a kind refusal of bad input is an answer, not a failure: it must not spoil a caller's transaction (imports)
@Transactional(readOnly = true, noRollbackFor = InputProblem.class)
public class DirectoryService {

    public static final int MAX_AGE = 120;
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final ServiceStore store;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final PostcodeCentres centres;
    private final ApplicationEventPublisher events;
    private volatile ServiceWords words;
    private volatile String wordsVersion;

    DirectoryService(ServiceStore store, CurrentUser currentUser, AuditLog audit, Clock clock, PostcodeCentres centres,
                     ApplicationEventPublisher events) {
        this.events = events;
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.centres = centres;
    }

    public List<ServiceSummary> search(DirectoryFilter filter, int offset, int limit) {
        return store.search(query(filter), Math.max(0, offset), Math.clamp(limit, 1, 100));
    }

    public int count(DirectoryFilter filter) {
        return store.count(query(filter));
    }

    /** Listed services matching an Open Referral UK search, by name, a page at a time. */
    public List<ServiceSummary> apiSearch(ApiQuery q, int offset, int limit) {
        return store.search(apiQuery(q), Math.max(0, offset), Math.clamp(limit, 1, 100));
    }

    public int apiCount(ApiQuery q) {
        return store.count(apiQuery(q));
    }

    /**
     * Listed services with a place to go (an address), for the API's services-at-locations list: nearest to the
     * postcode's centre first when a postcode is given, otherwise by name.
     */
    public List<ServiceSummary> apiLocations(ApiQuery q, int offset, int limit) {
        return store.searchLocations(apiQuery(q), Math.max(0, offset), Math.clamp(limit, 1, 100));
    }

    public int apiLocationCount(ApiQuery q) {
        return store.countLocations(apiQuery(q));
    }

    /** A listed service by the id its location is published under, withdrawn ones too. */
    public Optional<ServiceDetail> byLocationUuid(String locationUuid) {
        return locationUuid == null ? Optional.empty() : store.findByLocationUuid(locationUuid);
    }

    /** The id a service's location is published under (the same for every call). */
    public static String locationUuid(String serviceUuid) {
        return ServiceStore.locationUuid(serviceUuid);
    }

    /** The centre of a postcode's district, or a kind problem (named {@code field}) when it is outside the area. */
    public PostcodeCentres.Centre postcodeCentre(String field, String postcode) {
        String district = Postcodes.district(field, postcode);
        return centres.of(district).orElseThrow(() -> InputProblem.keyed(field,
                "directory.problem.postcodeUnknown", String.join(", ", centres.districts()), district));
    }

    private ServiceQuery apiQuery(ApiQuery q) {
        checkAge("minimum_age", q.ageFrom());
        checkAge("maximum_age", q.ageTo());
        if (q.ageFrom() != null && q.ageTo() != null && q.ageFrom() > q.ageTo()) {
            throw new InputProblem("maximum_age", "maximum_age (" + q.ageTo() + ") is lower than minimum_age ("
                    + q.ageFrom() + ").");
        }
        if (q.startTime() != null && q.endTime() != null && q.endTime().isBefore(q.startTime())) {
            throw new InputProblem("end_time", "end_time (" + q.endTime() + ") is earlier than start_time ("
                    + q.startTime() + ").");
        }
        if (q.proximity() != null && (q.proximity() < 1 || q.proximity() > ApiQuery.MAX_PROXIMITY)) {
            throw new InputProblem("proximity", "proximity is a distance in metres from 1 to " + ApiQuery.MAX_PROXIMITY
                    + ".");
        }
        if (q.proximity() != null && (q.postcode() == null || q.postcode().isBlank())) {
            throw new InputProblem("proximity", "proximity needs a postcode to measure from.");
        }
        // the text goes through the same path as the directory page's search, so both find the same services
        var query = query(DirectoryFilter.text(q.text())).withTermUuid(blankToNull(q.termUuid()))
                .withAges(q.ageFrom(), q.ageTo()).withAnyTerm(q.anyTerm());
        if (q.day() != null || q.startTime() != null || q.endTime() != null) {
            query = query.withSchedule(new ServiceQuery.Schedule(q.day() == null ? null : q.day().getValue(),
                    q.startTime(), q.endTime()));
        }
        if (q.postcode() != null && !q.postcode().isBlank()) {
            var centre = postcodeCentre("postcode", q.postcode());
            query = query.withDistrict(centre.district())
                    .withNear(new ServiceQuery.Near(centre.lat(), centre.lng(), q.proximity()));
        }
        return query;
    }

    /** A service by its web address, withdrawn ones too (check {@link ServiceDetail#withdrawn()} before showing it). */
    public Optional<ServiceDetail> bySlug(String slug) {
        return slug == null ? Optional.empty() : store.findBySlug(slug);
    }

    /** A service by its ORUK id, withdrawn ones too (so an import matches them rather than adding a copy). */
    public Optional<ServiceDetail> byUuid(String uuid) {
        return uuid == null ? Optional.empty() : store.findByUuid(uuid);
    }

    public Optional<ServiceDetail> byId(long id) {
        return store.findById(id);
    }

    public List<Term> terms() {
        return store.terms();
    }

    public List<Area> areas() {
        return store.areas();
    }

    /**
     * Services that can help with any of these needs (taxonomy codes), best match first, withdrawn ones never.
     * For other features that point to services, such as a guide's "Services that can help".
     */
    public List<ServiceSummary> forNeeds(java.util.Collection<String> needCodes, int limit) {
        return store.withAnyNeed(needCodes == null ? List.of() : needCodes, Math.clamp(limit, 1, 20));
    }

    /** Lines that matter when offices are shut: always-open lines and out-of-hours services. */
    public List<ServiceSummary> outOfHoursLines() {
        return store.outOfHours();
    }

    /** The admin's list: every service whose name or words match, withdrawn ones too, a page at a time. */
    @PreAuthorize(Roles.HAS_ADMIN)
    public List<ServiceSummary> adminSearch(String text, int offset, int limit) {
        return store.search(adminQuery(text), Math.max(0, offset), Math.clamp(limit, 1, 100));
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    public int adminCount(String text) {
        return store.count(adminQuery(text));
    }

    private static ServiceQuery adminQuery(String text) {
        return new ServiceQuery(blankToNull(text), null, null, null, null, null, null, null, true);
    }

    /**
     * Takes a service out of the public directory, search, help now and the ORUK API. Nothing is deleted:
     * children's teams keep it, the audit log says who did it and why, and {@link #restore} puts it back.
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public ServiceDetail withdraw(long id, String reason) {
        var service = store.findById(id).orElseThrow(() -> InputProblem.keyed(null, "directory.problem.noService"));
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 300) {
            throw InputProblem.keyed("reason", "directory.problem.reasonLength", String.valueOf(why.length()));
        }
        if (!store.withdraw(id, currentUser.actor().label(), why, clock.instant())) {
            throw InputProblem.keyed(null, "directory.problem.alreadyWithdrawn", service.name());
        }
        events.publishEvent(new ServiceWithdrawn(id, service.name(), why, currentUser.actor()));
        return store.findById(id).orElseThrow();
    }

    /** Undoes {@link #withdraw}: the service is listed again exactly as it was. */
    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public ServiceDetail restore(long id) {
        var service = store.findById(id).orElseThrow(() -> InputProblem.keyed(null, "directory.problem.noService"));
        if (!store.restore(id, clock.instant())) {
            throw InputProblem.keyed(null, "directory.problem.alreadyListed", service.name());
        }
        events.publishEvent(new ServiceRestored(id, service.name(), currentUser.actor()));
        return store.findById(id).orElseThrow();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public ServiceDetail create(ServiceInput input) {
        var in = check(input);
        long id;
        try {
            id = store.insert(UUID.randomUUID().toString(), in, false, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        audit.record(currentUser.actor(), "service.created", "service:" + id, in.name());
        return store.findById(id).orElseThrow();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public ServiceDetail update(long id, long version, ServiceInput input) {
        var in = check(input);
        boolean saved;
        try {
            saved = store.update(id, version, in, clock.instant());
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        if (!saved) {
            throw InputProblem.keyed(null, "directory.problem.changedMeanwhile");
        }
        audit.record(currentUser.actor(), "service.updated", "service:" + id, in.name());
        return store.findById(id).orElseThrow();
    }

    /** Checks a service and returns it tidied (trimmed text, postcode in standard form). */
    public ServiceInput check(ServiceInput in) {
        String name = required("name", in.name(), 2, 120, "directory.problem.required.name");
        String slug = in.slug() == null || in.slug().isBlank() ? slugOf(name) : in.slug().strip();
        if (!SLUG.matcher(slug).matches() || slug.length() > 80) {
            throw InputProblem.keyed("slug", "directory.problem.slug");
        }
        String organization = required("organization", in.organization(), 2, 120, "directory.problem.required.organization");
        String whatTheyDo = required("whatTheyDo", in.whatTheyDo(), 10, 5000, "directory.problem.required.whatTheyDo");
        String forWho = required("forWho", in.forWho(), 3, 500, "directory.problem.required.forWho");
        if (in.exploitation() == null) {
            throw InputProblem.keyed("exploitation", "directory.problem.exploitation");
        }
        if (in.referral() == null) {
            throw InputProblem.keyed("referral", "directory.problem.referral");
        }
        checkAge("minAge", in.minAge());
        checkAge("maxAge", in.maxAge());
        if (in.minAge() != null && in.maxAge() != null && in.minAge() > in.maxAge()) {
            throw InputProblem.keyed("maxAge", "directory.problem.agesSwapped");
        }
        // keyed by help-now's opening hours, so the admin reads them in their own language
        var problems = in.hours().problems("hours");
        if (!problems.isEmpty()) {
            throw problems.getFirst();
        }
        var address = in.address();
        if (address != null && address.postcode() != null && !address.postcode().isBlank()) {
            address = new ServiceDetail.Address(trim(address.line1()), trim(address.city()),
                    Postcodes.full("postcode", address.postcode()), address.lat(), address.lng());
        } else if (address != null && (address.line1() == null || address.line1().isBlank())) {
            address = null;
        }
        if (in.email() != null && !in.email().isBlank() && !EMAIL.matcher(in.email().strip()).matches()) {
            throw InputProblem.keyed("email", "directory.problem.email");
        }
        for (String url : new String[] {in.url(), in.organizationUrl()}) {
            if (url != null && !url.isBlank() && !url.strip().matches("^https?://\\S+$")) {
                throw InputProblem.keyed("url", "directory.problem.url");
            }
        }
        var codes = store.terms().stream().map(Term::code).toList();
        for (String need : in.needs()) {
            if (!codes.contains(need)) {
                throw InputProblem.keyed("needs", "directory.problem.unknownNeed", need);
            }
        }
        var areaCodes = store.areas().stream().map(Area::code).toList();
        for (String area : in.areas()) {
            if (!areaCodes.contains(area)) {
                throw InputProblem.keyed("areas", "directory.problem.unknownArea", area);
            }
        }
        return new ServiceInput(slug, name, organization, trim(in.organizationUrl()), whatTheyDo, trim(in.whatTheyDont()),
                forWho, in.minAge(), in.maxAge(), in.exploitation(), in.audiences(), in.needs(), in.areas(),
                in.referral(), trim(in.referralHow()), trim(in.howTheyContact()), in.hours(), in.outOfHours(),
                in.languages(), trim(in.cost()), trim(in.phone()), trim(in.email()), trim(in.url()), address,
                in.comesToYou(), in.lastChecked());
    }

    /**
     * The services typed words find, forgiving typos in words that are not real words; what the directory page
     * and the ORUK API's {@code text} search both use.
     */
    public TextMatch matchText(String text) {
        return serviceWords().match(text == null ? "" : text);
    }

    private ServiceWords serviceWords() {
        String version = store.textVersion();
        ServiceWords w = words;
        if (w == null || !version.equals(wordsVersion)) {
            w = new ServiceWords(store.textRows());
            words = w;
            wordsVersion = version;
        }
        return w;
    }

    /** The district of a postcode that is outside the partnership's area (empty when inside, or not a postcode). */
    public Optional<String> outsideArea(String postcode) {
        if (postcode == null || postcode.isBlank()) {
            return Optional.empty();
        }
        try {
            String district = Postcodes.district("postcode", postcode);
            return centres.of(district).isPresent() ? Optional.empty() : Optional.of(district);
        } catch (InputProblem notAPostcode) {
            return Optional.empty();
        }
    }

    /** The postcode districts the directory covers (BS1, BS2, ...). */
    public List<String> coveredDistricts() {
        return centres.districts();
    }

    private ServiceQuery query(DirectoryFilter f) {
        String district = null;
        if (f.postcode() != null && !f.postcode().isBlank()) {
            district = Postcodes.district("postcode", f.postcode());
            if (centres.of(district).isEmpty()) {
                throw InputProblem.keyed("postcode", "directory.problem.postcodeOutside", district,
                        String.join(", ", centres.districts()));
            }
        }
        if (f.age() != null) {
            checkAge("age", f.age());
        }
        LocalDateTime openAt = f.openAt() == null ? null : LocalDateTime.ofInstant(f.openAt(), Times.ZONE);
        var query = new ServiceQuery(blankToNull(f.text()), blankToNull(f.need()), null,
                overlapping(blankToNull(f.area())), district, f.age(), f.age(), openAt, false);
        return query.text() == null ? query : query.withTextIds(matchText(query.text()).ids());
    }

    /** Ids of the areas sharing a postcode district with the chosen one (itself included); null for no filter. */
    private List<Long> overlapping(String areaCode) {
        if (areaCode == null) {
            return null;
        }
        var areas = store.areas();
        var chosen = areas.stream().filter(a -> a.code().equals(areaCode)).findFirst();
        if (chosen.isEmpty()) {
            return List.of();
        }
        return areas.stream().filter(a -> a.districts().stream().anyMatch(chosen.get().districts()::contains))
                .map(Area::id).toList();
    }

    /** Now, for views that show "open now" next to each service. */
    public Instant now() {
        return clock.instant();
    }

    private static void checkAge(String field, Integer age) {
        if (age != null && (age < 0 || age > MAX_AGE)) {
            throw InputProblem.keyed(field, "directory.problem.age", String.valueOf(MAX_AGE));
        }
    }

    private static InputProblem duplicate() {
        return InputProblem.keyed("name", "directory.problem.nameTaken");
    }

    /** {@code key}'s words say what to write; {0} and {1} are the shortest and longest it may be. */
    private static String required(String field, String value, int min, int max, String key) {
        String v = value == null ? "" : value.strip();
        if (v.length() < min || v.length() > max) {
            throw InputProblem.keyed(field, key, String.valueOf(min), String.valueOf(max));
        }
        return v;
    }

    static String slugOf(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-$", "") : s;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
