package org.village.directory;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.village.directory.ImportReport.Change;
import org.village.directory.ImportReport.Line;
import org.village.directory.ServiceDetail.Address;
import org.village.directory.ServiceDetail.Exploitation;
import org.village.directory.ServiceDetail.Referral;
import org.village.directory.internal.ServiceStore;
import org.village.helpnow.OpeningHours;
import org.village.security.CurrentUser;
import org.village.security.VillageUser;
import org.springframework.security.access.AccessDeniedException;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a directory from an Open Referral UK feed: a page of services ({@code contents}), a list, or one
 * service, as our API publishes them. Records are matched by their ORUK id, so importing the same feed twice
 * changes nothing. It is all or nothing: if any record is wrong, nothing is saved and the report says which
 * records failed and why. Village's own plain-language fields are read from {@code x_village} when present.
 */
@Service
public class DirectoryImport {

    /** The largest feed we take, however it arrives: pasted, uploaded or fetched. */
    public static final int MAX_BYTES = 5_000_000;

    private final DirectoryService directory;
    private final ServiceStore store;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    /**
     * Whether a feed may come from this machine or the private network. Off in production: an admin's
     * web address must never make the portal read its own internal services (server-side request forgery).
     */
    private boolean allowPrivateAddresses;

    private final FeedFetcher fetcher;

    DirectoryImport(DirectoryService directory, ServiceStore store, CurrentUser currentUser, AuditLog audit, Clock clock,
                    @Value("${village.directory.import.allow-private-addresses:false}") boolean allowPrivateAddresses,
                    HostResolver hostResolver) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        // read at each lookup, so the setting holds for every fetch
        this.fetcher = new FeedFetcher(hostResolver, a -> this.allowPrivateAddresses || FeedFetcher.isPublic(a),
                FeedFetcher.Limits.STANDARD);
        this.directory = directory;
        this.store = store;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** What would change; saves nothing. */
    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional(readOnly = true)
    public ImportReport preview(String feed) {
        return previewFetched(feed);
    }

    /** Saves every new and changed record, or nothing at all when any record fails. */
    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public ImportReport apply(String feed) {
        return applyFetched(feed, currentUser.actor());
    }

    /**
     * {@link #preview} for a feed fetched in the background, where no one is signed in: only
     * {@link FeedImports} calls it, after checking on the admin's own thread that they are an admin.
     */
    @Transactional(readOnly = true)
    ImportReport previewFetched(String feed) {
        return new ImportReport(plan(feed).stream().map(Planned::line).toList(), false);
    }

    /** {@link #apply} as the given admin (checked by {@link FeedImports} before the fetch began). */
    @Transactional
    ImportReport applyFetched(String feed, AuditLog.Actor admin) {
        var plan = plan(feed);
        var lines = plan.stream().map(Planned::line).toList();
        if (lines.stream().anyMatch(l -> l.change() == Change.FAILED)) {
            audit.record(admin, "directory.import.refused", "directory", lines.stream()
                    .filter(l -> l.change() == Change.FAILED).count() + " records failed");
            return new ImportReport(lines, false);
        }
        var result = new ArrayList<Line>();
        for (Planned p : plan) {
            try {
                switch (p.line().change()) {
                    case NEW -> {
                        long id = store.insert(p.uuid(), p.input(), false, clock.instant());
                        audit.record(admin, "service.created", "service:" + id, "import: " + p.input().name());
                    }
                    case CHANGED -> {
                        if (!store.update(p.existing().id(), p.existing().version(), p.input(), clock.instant())) {
                            throw InputProblem.keyed(null, "directory.problem.import.changedMeanwhile", p.input().name());
                        }
                        audit.record(admin, "service.updated", "service:" + p.existing().id(),
                                "import: " + p.line().detail());
                    }
                    default -> {
                    }
                }
                result.add(p.line());
            } catch (DuplicateKeyException | InputProblem e) {
                // roll back everything saved so far: an import is all or nothing
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                result.add(Line.failed(p.line().record(), p.line().name(), e instanceof InputProblem ip ? ip
                        : InputProblem.keyed("name", "directory.problem.import.clash", p.input().slug())));
                return new ImportReport(result, false);
            }
        }
        audit.record(admin, "directory.imported", "directory",
                countOf(lines, Change.NEW) + " new, " + countOf(lines, Change.CHANGED) + " changed");
        return new ImportReport(lines, true);
    }

    /**
     * Reads a feed from a web address (http or https, at most 5 MB, 2 minutes), waiting for it. Addresses on this
     * machine or a private network are refused, at every redirect too; the connection goes to the address that was
     * checked ({@link FeedFetcher}, decision 067). The admin page fetches in the background instead
     * ({@link FeedImports}).
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    public String fetch(String url) {
        return fetcher.fetch(url, FeedFetcher.Progress.NONE, new FeedFetcher.Stop());
    }

    FeedFetcher fetcher() {
        return fetcher;
    }

    /**
     * Reads an uploaded feed: a .json file of at most 5 MB, in UTF-8, that parses as JSON. The view reads at most
     * {@code MAX_BYTES + 1} bytes, so a bigger file is refused here whatever the browser claimed.
     * <p>
     * The acting admin is passed in, not read from the security context: the upload arrives on a thread of its
     * own and reaches this through {@code UI.access}, where the security context may be empty (decision 060).
     */
    public String readFile(VillageUser admin, String fileName, byte[] bytes) {
        if (admin == null || !admin.isAdmin() || !admin.isEnabled()) {
            throw new AccessDeniedException("Only an admin may import services");
        }
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            throw InputProblem.keyed("file", "directory.problem.import.notJsonName");
        }
        if (bytes.length > MAX_BYTES) {
            throw InputProblem.keyed("file", "directory.problem.import.fileTooBig");
        }
        String text;
        try {
            text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw InputProblem.keyed("file", "directory.problem.import.notText");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some editors add
        }
        try {
            json.readTree(text);
        } catch (JacksonException e) {
            throw InputProblem.keyed("file", "directory.problem.import.notJsonFile");
        }
        return text;
    }

    private List<Planned> plan(String feed) {
        if (feed != null && feed.length() > MAX_BYTES) {
            throw InputProblem.keyed("file", "directory.problem.import.feedTooBig");
        }
        JsonNode root;
        try {
            root = json.readTree(feed == null ? "" : feed);
        } catch (JacksonException e) {
            throw InputProblem.keyed("file", "directory.problem.import.notJson");
        }
        var records = new ArrayList<JsonNode>();
        if (root != null && root.isArray()) {
            root.forEach(records::add);
        } else if (root != null && root.has("contents") && root.get("contents").isArray()) {
            root.get("contents").forEach(records::add);
        } else if (root != null && root.isObject() && root.has("name")) {
            records.add(root);
        } else {
            throw InputProblem.keyed("file", "directory.problem.import.noServices");
        }
        var plan = new ArrayList<Planned>();
        var seenIds = new HashSet<String>();
        var seenNames = new HashSet<String>();
        var seenSlugs = new HashSet<String>();
        int n = 0;
        for (JsonNode r : records) {
            n++;
            String name = r.path("name").asString("(no name)");
            try {
                String uuid = r.path("id").asString("");
                try {
                    UUID.fromString(uuid);
                } catch (IllegalArgumentException e) {
                    throw InputProblem.keyed("id", "directory.problem.import.id");
                }
                if (!seenIds.add(uuid)) {
                    throw InputProblem.keyed("id", "directory.problem.import.idTwice");
                }
                var input = directory.check(toInput(r));
                if (!seenNames.add(input.name().toLowerCase(Locale.ROOT))) {
                    throw InputProblem.keyed("name", "directory.problem.import.nameTwice");
                }
                if (!seenSlugs.add(input.slug().toLowerCase(Locale.ROOT))) {
                    throw InputProblem.keyed("slug", "directory.problem.import.slugTwice", input.slug());
                }
                var existing = directory.byUuid(uuid);
                clash(input, existing.map(ServiceDetail::id).orElse(null));
                if (existing.isEmpty()) {
                    plan.add(new Planned(Line.planned(n, input.name(), Change.NEW, List.of()), uuid, input, null));
                } else {
                    var before = normal(existing.get().toInput());
                    var diff = differences(before, normal(input));
                    plan.add(new Planned(Line.planned(n, input.name(), diff.isEmpty() ? Change.UNCHANGED : Change.CHANGED,
                            diff), uuid, input, existing.get()));
                }
            } catch (InputProblem p) {
                plan.add(new Planned(Line.failed(n, name, p), null, null, null));
            } catch (RuntimeException e) {
                plan.add(new Planned(Line.failed(n, name, InputProblem.keyed(null, "directory.problem.import.badRecord")),
                        null, null, null));
            }
        }
        return plan;
    }

    /** Says which of name and web address another service in the directory already has (the true reason). */
    private void clash(ServiceInput input, Long self) {
        var byName = store.findIdBy("name", input.name()).filter(id -> !id.equals(self));
        if (byName.isPresent()) {
            throw InputProblem.keyed("name", "directory.problem.import.nameTaken");
        }
        var bySlug = store.findIdBy("slug", input.slug()).filter(id -> !id.equals(self));
        if (bySlug.isPresent()) {
            String other = store.findById(bySlug.get()).map(ServiceDetail::name).orElse("another service");
            throw InputProblem.keyed("slug", "directory.problem.import.slugTaken", input.slug(), other);
        }
    }

    private ServiceInput toInput(JsonNode r) {
        JsonNode x = r.path("x_village");
        var terms = directory.terms();
        var needs = new ArrayList<String>();
        for (JsonNode a : r.path("attributes")) {
            String termId = a.path("taxonomy_term_id").asString("");
            String code = a.path("taxonomy_term").path("term").asString("");
            terms.stream().filter(t -> t.uuid().equals(termId) || t.code().equals(code)).findFirst()
                    .ifPresent(t -> needs.add(t.code()));
        }
        var areas = new ArrayList<String>();
        if (x.has("areas")) {
            x.get("areas").forEach(a -> areas.add(a.asString()));
        } else {
            var known = directory.areas();
            for (JsonNode sa : r.path("service_areas")) {
                known.stream().filter(a -> a.name().equalsIgnoreCase(sa.path("name").asString(""))).findFirst()
                        .ifPresent(a -> areas.add(a.code()));
            }
        }
        boolean alwaysOpen = x.path("always_open").asBoolean(false);
        var rows = new ArrayList<OpeningHours.Row>();
        if (!alwaysOpen) {
            for (JsonNode s : r.path("schedules")) {
                rows.add(row(s));
            }
        }
        var languages = new ArrayList<String>();
        r.path("languages").forEach(l -> languages.add(l.path("name").asString()));
        var audiences = new ArrayList<String>();
        x.path("audiences").forEach(a -> audiences.add(a.asString()));
        String phone = null;
        for (JsonNode c : r.path("contacts")) {
            for (JsonNode p : c.path("phones")) {
                phone = phone == null ? p.path("number").asString(null) : phone;
            }
        }
        Address address = null;
        JsonNode location = r.path("service_at_locations").path(0).path("location");
        if (!location.isMissingNode()) {
            JsonNode ad = location.path("addresses").path(0);
            address = new Address(text(ad, "address_1"), text(ad, "city"), text(ad, "postal_code"),
                    location.hasNonNull("latitude") ? location.get("latitude").asDouble() : null,
                    location.hasNonNull("longitude") ? location.get("longitude").asDouble() : null);
        }
        String description = text(r, "description");
        return new ServiceInput(text(x, "slug"), text(r, "name"), text(r.path("organization"), "name"),
                text(r.path("organization"), "website"), description, text(x, "what_they_dont"),
                x.has("for_who") ? text(x, "for_who") : "Please read what they do, or contact them to ask.",
                r.hasNonNull("minimum_age") ? r.get("minimum_age").asInt() : null,
                r.hasNonNull("maximum_age") ? r.get("maximum_age").asInt() : null,
                Exploitation.valueOf(x.path("exploitation").asString("ANY")), audiences, needs, areas,
                Referral.valueOf(x.path("referral").asString("BOTH")), text(x, "referral_how"),
                text(x, "how_they_contact"), new OpeningHours(alwaysOpen, rows), x.path("out_of_hours").asBoolean(false),
                languages, text(r.path("cost_options").path(0), "option"), phone, text(r, "email"), text(r, "url"),
                address, x.path("comes_to_you").asBoolean(false), date(text(r, "assured_date")));
    }

    private static OpeningHours.Row row(JsonNode s) {
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : s.path("byday").asString("").split(",")) {
            if (!d.isBlank()) {
                days.add(switch (d.strip().toUpperCase(Locale.ROOT)) {
                    case "MO" -> DayOfWeek.MONDAY;
                    case "TU" -> DayOfWeek.TUESDAY;
                    case "WE" -> DayOfWeek.WEDNESDAY;
                    case "TH" -> DayOfWeek.THURSDAY;
                    case "FR" -> DayOfWeek.FRIDAY;
                    case "SA" -> DayOfWeek.SATURDAY;
                    case "SU" -> DayOfWeek.SUNDAY;
                    default -> throw InputProblem.keyed("hours", "directory.problem.import.day", d);
                });
            }
        }
        try {
            return new OpeningHours.Row(days, LocalTime.parse(s.path("opens_at").asString("")),
                    LocalTime.parse(s.path("closes_at").asString("")));
        } catch (DateTimeParseException e) {
            throw InputProblem.keyed("hours", "directory.problem.import.time");
        }
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw InputProblem.keyed("assured_date", "directory.problem.import.date");
        }
    }

    /** Order does not matter for lists and opening hours, so compare them sorted. */
    static ServiceInput normal(ServiceInput in) {
        var rows = in.hours().rows().stream().sorted(Comparator.comparing((OpeningHours.Row r) -> r.opens())
                .thenComparing(OpeningHours.Row::closes).thenComparing(r -> r.days().toString())).toList();
        return new ServiceInput(in.slug(), in.name(), in.organization(), in.organizationUrl(), in.whatTheyDo(),
                in.whatTheyDont(), in.forWho(), in.minAge(), in.maxAge(), in.exploitation(), sorted(in.audiences()),
                sorted(in.needs()), sorted(in.areas()), in.referral(), in.referralHow(), in.howTheyContact(),
                new OpeningHours(in.hours().alwaysOpen(), rows, in.hours().dated()), in.outOfHours(), sorted(in.languages()), in.cost(),
                in.phone(), in.email(), in.url(), in.address(), in.comesToYou(), in.lastChecked());
    }

    static List<String> differences(ServiceInput a, ServiceInput b) {
        var diff = new ArrayList<String>();
        for (var component : ServiceInput.class.getRecordComponents()) {
            try {
                if (!Objects.equals(component.getAccessor().invoke(a), component.getAccessor().invoke(b))) {
                    diff.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return diff;
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private static long countOf(List<Line> lines, Change change) {
        return lines.stream().filter(l -> l.change() == change).count();
    }

    private static String text(JsonNode n, String field) {
        return n != null && n.hasNonNull(field) && !n.get(field).asString("").isBlank() ? n.get(field).asString() : null;
    }

    private record Planned(Line line, String uuid, ServiceInput input, ServiceDetail existing) {
    }
}
