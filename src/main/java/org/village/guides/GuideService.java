package org.village.guides;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.village.content.ContentPolicy;
import org.village.content.ContentRenderer;
import org.village.content.GlossaryMarker;
import org.village.content.MarkdownText;
import org.village.content.PlainLanguageCheck;
import org.village.guides.Guides.Category;
import org.village.guides.Guides.EditorRow;
import org.village.guides.Guides.GlossaryEdit;
import org.village.guides.Guides.GuideDraft;
import org.village.guides.Guides.GuideEdit;
import org.village.guides.Guides.GuidePage;
import org.village.guides.Guides.GuideSummary;
import org.village.guides.Guides.HitKind;
import org.village.guides.Guides.Revision;
import org.village.guides.Guides.SearchHit;
import org.village.guides.Guides.SearchResult;
import org.village.guides.Guides.Snippet;
import org.village.guides.internal.ContentVersions;
import org.village.guides.internal.GlossaryStore;
import org.village.guides.internal.GuideStore;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;
import org.village.shared.Roles;
import org.village.shared.search.Synonyms;
import org.village.shared.search.Vocabulary;
import org.village.shared.search.WordRules;
import org.village.shared.search.Words;

/**
 * Reading, searching and editing guides and the jargon buster. Reading is public; editing needs a worker
 * or admin, and the blaming-phrase list an admin: checked here, whatever the view allows.
 * <p>
 * Rendered pages, the glossary marker and the spelling vocabulary are cached in memory and rebuilt when a
 * guide is published or the glossary changes, so a parent's page costs a map look-up.
 */
@Service
public class GuideService {

    public static final int MAX_BODY = 50_000;
    public static final int MAX_TITLE = 120;
    public static final int MAX_SUMMARY = 300;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern QUERY_WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final String CHANGED_BY_SOMEONE = "guides.problem.changed";
    /** The key of the problem that asks the worker to confirm publishing a guide the plain-language check questions. */
    public static final String PUBLISH_ANYWAY = "guides.problem.publishAnyway";

    private final GuideStore guides;
    private final GlossaryStore glossary;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    private final Map<String, GuidePage> pages = new ConcurrentHashMap<>();
    private volatile List<GlossaryTerm> terms;
    private volatile GlossaryMarker marker;
    private volatile WordRules rules;

    private final ContentVersions versions;
    /** How often a node looks whether another node changed guides or the glossary (stale for at most this long). */
    private volatile long checkEveryNanos;
    private volatile long lastCheck;
    private volatile boolean checkedOnce;
    private volatile long seenGuides = -1;
    private volatile long seenGlossary = -1;

    GuideService(GuideStore guides, GlossaryStore glossary, CurrentUser currentUser, AuditLog audit, Clock clock,
                 ContentVersions versions,
                 @Value("${village.guides.cache-check-interval:2s}") java.time.Duration checkEvery,
                 ApplicationEventPublisher events) {
        this.events = events;
        this.versions = versions;
        this.checkEveryNanos = checkEvery.toNanos();
        this.guides = guides;
        this.glossary = glossary;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reading (public) ----

    public List<Category> categories() {
        return guides.categories();
    }

    public Optional<Category> category(String code) {
        return categories().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public List<GuideSummary> guidesIn(String categoryCode) {
        return guides.publishedIn(categoryCode);
    }

    public List<GuideSummary> pathways() {
        return guides.publishedOfKind(Guides.KIND_PATHWAY);
    }

    /** A published guide with its body rendered, sanitised and marked; empty when there is no such guide. */
    public Optional<GuidePage> page(String slug) {
        return page(slug, Languages.ENGLISH);
    }

    /** The guide in {@code language} when a published translation exists, otherwise in English. */
    public Optional<GuidePage> page(String slug, String language) {
        if (slug == null || slug.length() > 80) {
            return Optional.empty();
        }
        String lang = language == null || Languages.of(language).isEmpty() ? Languages.ENGLISH : language;
        String key = slug + "|" + lang;
        freshen();
        GuidePage cached = pages.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<GuidePage> page = render(slug, lang);
        page.ifPresent(p -> pages.put(key, p));
        return page;
    }

    /** Renders straight from the database, bypassing the cache (the benchmark measures this too). */
    public Optional<GuidePage> render(String slug) {
        return render(slug, Languages.ENGLISH);
    }

    private Optional<GuidePage> render(String slug, String language) {
        return guides.published(slug).map(row -> {
            var languages = new ArrayList<String>();
            languages.add(Languages.ENGLISH);
            languages.addAll(guides.publishedLanguages(row.id()));
            var translation = Languages.ENGLISH.equals(language) || !languages.contains(language) ? Optional.<Guides.Translation>empty()
                    : guides.translations(row.id()).stream().filter(t -> t.language().equals(language) && t.published()).findFirst();
            String body = MarkdownText.stripFrontMatter(translation.map(Guides.Translation::body).orElse(row.body()));
            String html = Guides.KIND_PATHWAY.equals(row.kind()) ? ContentRenderer.pathwayHtml(body)
                    : ContentRenderer.html(body, ContentPolicy.GUIDE);
            // the jargon buster is in English, so only English text is marked
            if (translation.isEmpty()) {
                html = marker().mark(html, "gt");
            }
            var category = category(row.categoryCode()).orElse(new Category(row.categoryCode(), row.categoryCode(), ""));
            return new GuidePage(row.id(), row.slug(), translation.map(Guides.Translation::title).orElse(row.title()),
                    translation.map(Guides.Translation::summary).orElse(row.summary()), category, row.kind(), html,
                    row.lastChecked(), row.sample(), guides.publishedBySlugs(row.related()), row.publishedAt(),
                    translation.isPresent() ? language : Languages.ENGLISH, List.copyOf(languages));
        });
    }

    // ---- translations (workers and admins) ----

    @PreAuthorize(Roles.HAS_STAFF)
    public List<Guides.Translation> translations(long guideId) {
        return guides.translations(guideId);
    }

    /** Saves a translation (new ones start at version 0); returns its new version. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long saveTranslation(Guides.Translation t) {
        if (Languages.of(t.language()).isEmpty() || Languages.ENGLISH.equals(t.language())) {
            throw InputProblem.keyed("language", "guides.problem.translationLanguage");
        }
        if (t.title() == null || t.title().isBlank() || t.title().length() > MAX_TITLE) {
            throw InputProblem.keyed("translationTitle", "guides.problem.translationTitle", String.valueOf(MAX_TITLE));
        }
        if (t.summary() == null || t.summary().isBlank() || t.summary().length() > MAX_SUMMARY) {
            throw InputProblem.keyed("translationSummary", "guides.problem.translationSummary", String.valueOf(MAX_SUMMARY));
        }
        if (t.body() == null || t.body().isBlank() || t.body().length() > MAX_BODY) {
            throw InputProblem.keyed("translationBody", "guides.problem.translationBody", String.valueOf(MAX_BODY));
        }
        boolean exists = guides.translations(t.guideId()).stream().anyMatch(x -> x.language().equals(t.language()));
        boolean saved;
        try {
            saved = guides.saveTranslation(t, exists, currentUser.actor().label(), clock.instant());
        } catch (DuplicateKeyException e) {
            saved = false;
        }
        if (!saved) {
            throw InputProblem.keyed(null, "guides.problem.translationChanged");
        }
        audit.record(currentUser.actor(), "guide.translation.saved", "guide:" + t.guideId(),
                t.language() + (t.published() ? " (published)" : " (draft)"));
        forgetCaches();
        versions.bump(ContentVersions.GUIDES); // tells the other nodes, once this commits
        return exists ? t.version() + 1 : 0;
    }

    public List<GlossaryTerm> glossary() {
        freshen();
        List<GlossaryTerm> t = terms;
        if (t == null) {
            t = glossary.all();
            terms = t;
        }
        return t;
    }

    /** Safe HTML with glossary terms marked, for any Markdown (the editor's preview, later forum posts). */
    public String renderMarkdown(String markdown, boolean pathway) {
        String html = pathway ? ContentRenderer.pathwayHtml(markdown) : ContentRenderer.html(markdown, ContentPolicy.GUIDE);
        return marker().mark(html, "pt");
    }

    GlossaryMarker marker() {
        freshen();
        GlossaryMarker m = marker;
        if (m == null) {
            m = new GlossaryMarker(glossary());
            marker = m;
        }
        return m;
    }

    // ---- search (public) ----

    public SearchResult search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.length() > 100) {
            q = q.substring(0, 100);
        }
        List<String> words = Words.of(q);
        if (words.isEmpty()) {
            return new SearchResult(q, null, null, List.of());
        }
        // what was typed is always searched as typed; a typo fix only ever touches words that are not real words
        var typed = hits(q, words, limit);
        var fixed = wordRules().corrected(words);
        if (fixed.isEmpty()) {
            return new SearchResult(q, null, null, typed);
        }
        String fixedText = String.join(" ", fixed.get());
        if (typed.isEmpty()) {
            var better = hits(fixedText, fixed.get(), limit);
            return better.isEmpty() ? new SearchResult(q, null, null, typed) : new SearchResult(q, fixedText, null, better);
        }
        // offer the fix only when it finds more guides: one full-text query, no snippets
        long typedGuides = typed.stream().filter(h -> h.kind() == HitKind.GUIDE).count();
        int fixedGuides = guides.searchGuides(withSynonyms(fixed.get()), limit).size();
        return new SearchResult(q, null, fixedGuides > typedGuides ? fixedText : null, typed);
    }

    private String withSynonyms(List<String> words) {
        var extra = wordRules().synonyms().extraWords(words);
        return String.join(" ", words) + (extra.isEmpty() ? "" : " " + String.join(" ", extra));
    }

    private List<SearchHit> hits(String q, List<String> words, int limit) {
        String text = withSynonyms(words);
        var hits = new ArrayList<SearchHit>();
        var termMatches = glossary.search(text, 5);
        // a search for a term itself ("MASH", "county lines") puts its meaning first
        String asTyped = String.join(" ", words);
        var exact = termMatches.stream().filter(t -> t.term().forms().stream()
                .anyMatch(f -> f.equalsIgnoreCase(asTyped))).toList();
        exact.forEach(t -> hits.add(termHit(t.term(), words)));
        var guideRows = guides.searchGuides(text, limit);
        if (guideRows.isEmpty()) {
            guideRows = guides.searchGuideTitles(q, limit);
        }
        for (var row : guideRows) {
            hits.add(new SearchHit(HitKind.GUIDE, row.key(), row.title(), snippet(row.text(), words)));
        }
        termMatches.stream().filter(t -> !exact.contains(t)).forEach(t -> hits.add(termHit(t.term(), words)));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /**
     * The jargon buster's filter: terms whose name or meaning holds what was typed; else terms with every typed
     * word (or a parent's word for it); else the same with typos fixed, saying so. Real words are never changed.
     */
    public Guides.TermFilter filterTerms(String filter) {
        String f = filter == null ? "" : filter.strip();
        if (f.length() > 100) {
            f = f.substring(0, 100);
        }
        List<GlossaryTerm> all = glossary();
        if (f.isEmpty()) {
            return new Guides.TermFilter(f, null, all);
        }
        String lower = f.toLowerCase(Locale.ROOT);
        var rules = wordRules();
        List<String> words = Words.of(f);
        var slots = rules.slots(words);
        // what was typed, as typed, or every word of it (or a parent's word for it) in any order
        var typed = all.stream().filter(t -> t.forms().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(lower))
                || t.meaning().toLowerCase(Locale.ROOT).contains(lower) || matchesAll(t, slots)).toList();
        if (!typed.isEmpty()) {
            return new Guides.TermFilter(f, null, typed);
        }
        var fixed = rules.corrected(words);
        if (fixed.isPresent()) {
            var byFixed = termsWithAll(all, rules.slots(fixed.get()));
            if (!byFixed.isEmpty()) {
                return new Guides.TermFilter(f, String.join(" ", fixed.get()), byFixed);
            }
        }
        return new Guides.TermFilter(f, null, List.of());
    }

    private static List<GlossaryTerm> termsWithAll(List<GlossaryTerm> terms, List<java.util.Set<String>> slots) {
        return terms.stream().filter(t -> matchesAll(t, slots)).toList();
    }

    private static boolean matchesAll(GlossaryTerm t, List<java.util.Set<String>> slots) {
        return WordRules.matchesAll(WordRules.padded(String.join(" ", t.forms()) + " " + t.meaning()), slots);
    }

    private static SearchHit termHit(GlossaryTerm t, List<String> words) {
        return new SearchHit(HitKind.TERM, t.anchor(), t.term(), snippet(t.meaning() + " " + t.forYou(), words));
    }

    /** About 160 characters around the first place any query word starts a word. */
    static Snippet snippet(String raw, List<String> words) {
        if (raw == null) {
            return new Snippet("", "", "");
        }
        String text = raw.replaceAll("\\s+", " ").strip();
        String lower = text.toLowerCase(Locale.ROOT);
        int best = -1;
        int bestEnd = 0;
        // the longest query word is usually the telling one ("excluded", not "from")
        var byLength = words.stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String w : byLength) {
            if (w.length() < 2) {
                continue;
            }
            Matcher m = Pattern.compile("\\b" + Pattern.quote(w)).matcher(lower);
            if (m.find()) {
                best = m.start();
                int end = m.end();
                while (end < text.length() && Character.isLetter(text.charAt(end))) {
                    end++;
                }
                bestEnd = end;
                break;
            }
        }
        if (best < 0) {
            return new Snippet(cut(text, 0, 160) + (text.length() > 160 ? "…" : ""), "", "");
        }
        int from = Math.max(0, best - 60);
        while (from > 0 && from < best && text.charAt(from - 1) != ' ') {
            from++;
        }
        int to = Math.min(text.length(), bestEnd + 100);
        while (to < text.length() && to > bestEnd && text.charAt(to - 1) != ' ') {
            to--;
        }
        return new Snippet((from > 0 ? "…" : "") + text.substring(from, best), text.substring(best, bestEnd),
                text.substring(bestEnd, to).stripTrailing() + (to < text.length() ? "…" : ""));
    }

    private static String cut(String s, int from, int len) {
        return s.substring(from, Math.min(s.length(), from + len));
    }

    /** The word rules over the words of every published guide and every term (rebuilt when either changes). */
    public WordRules wordRules() {
        freshen();
        WordRules r = rules;
        if (r == null) {
            var texts = new ArrayList<String>();
            guides.eachPublishedText(texts::add);
            for (GlossaryTerm t : glossary()) {
                texts.add(t.term() + " " + String.join(" ", t.alsoKnownAs()) + " " + t.meaning() + " " + t.forYou());
            }
            r = new WordRules(new Vocabulary(texts), Synonyms.standard());
            rules = r;
        }
        return r;
    }

    /**
     * Drops what another node (or a reader racing this node's own change) may have made stale: at most once
     * per {@code checkEveryNanos}, one read of the content counters; otherwise only a clock comparison.
     */
    private void freshen() {
        long now = System.nanoTime();
        if (checkedOnce && now - lastCheck < checkEveryNanos) {
            return;
        }
        lastCheck = now;
        checkedOnce = true;
        var v = versions.read();
        long guidesNow = v.getOrDefault(ContentVersions.GUIDES, 0L);
        long glossaryNow = v.getOrDefault(ContentVersions.GLOSSARY, 0L);
        if (glossaryNow != seenGlossary) {
            forgetGlossary();
        } else if (guidesNow != seenGuides) {
            forgetCaches();
        }
        seenGuides = guidesNow;
        seenGlossary = glossaryNow;
    }

    private void forgetCaches() {
        pages.clear();
        rules = null;
    }

    private void forgetGlossary() {
        terms = null;
        marker = null;
        forgetCaches();
    }

    // ---- plain-language check ----

    /** The check the editor runs as a worker types. */
    public PlainLanguageCheck.Report check(String markdown) {
        var forms = new ArrayList<String>();
        glossary().forEach(t -> forms.addAll(t.forms()));
        return PlainLanguageCheck.check(markdown, forms, blamingPhrases());
    }

    public List<String> blamingPhrases() {
        return glossary.blamingPhrases();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public void setBlamingPhrases(List<String> phrases) {
        var clean = new LinkedHashSet<String>();
        for (String p : phrases) {
            String s = p.strip().toLowerCase(Locale.ROOT);
            if (s.length() > 100) {
                throw InputProblem.keyed("phrases", "guides.problem.phraseLong", s.substring(0, 40));
            }
            if (!s.isEmpty()) {
                clean.add(s);
            }
        }
        glossary.replaceBlamingPhrases(List.copyOf(clean));
        audit.record(currentUser.actor(), "guide.phrases.changed", "blaming-phrases", clean.size() + " phrases");
    }

    // ---- editing (workers and admins) ----

    @PreAuthorize(Roles.HAS_STAFF)
    public List<EditorRow> editorRows(String text, int offset, int limit) {
        return guides.editorRows(text == null ? "" : text.strip(), offset, limit);
    }

    @PreAuthorize(Roles.HAS_STAFF)
    public int countEditorRows(String text) {
        return guides.countEditorRows(text == null ? "" : text.strip());
    }

    @PreAuthorize(Roles.HAS_STAFF)
    public Optional<GuideDraft> draft(long id) {
        return guides.draft(id);
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long create(GuideEdit edit) {
        validate(edit, 0);
        String actor = currentUser.actor().label();
        long id;
        try {
            id = guides.insert(edit, false, actor, clock.instant());
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        guides.addRevision(id, edit.title(), edit.summary(), edit.body(), "Created", actor, clock.instant());
        audit.record(currentUser.actor(), "guide.created", "guide:" + id, edit.slug());
        return id;
    }

    /** Saves the draft; returns the new version. Someone else's newer save is never overwritten. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long saveDraft(long id, long version, GuideEdit edit) {
        validate(edit, id);
        String actor = currentUser.actor().label();
        boolean saved;
        try {
            saved = guides.updateDraft(id, version, edit, actor, clock.instant());
        } catch (DuplicateKeyException e) {
            throw slugTaken();
        }
        if (!saved) {
            throw InputProblem.keyed(null, CHANGED_BY_SOMEONE);
        }
        guides.addRevision(id, edit.title(), edit.summary(), edit.body(), "Draft saved", actor, clock.instant());
        audit.record(currentUser.actor(), "guide.saved", "guide:" + id, edit.slug());
        return version + 1;
    }

    /**
     * Publishes the saved draft. When the plain-language check finds problems the worker must say they
     * have read them ({@code confirmedProblems}); otherwise a kind problem lists them.
     */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long publish(long id, long version, boolean confirmedProblems) {
        var draft = guides.draft(id).orElseThrow(() -> InputProblem.keyed(null, "guides.problem.gone"));
        if (draft.version() != version) {
            throw InputProblem.keyed(null, CHANGED_BY_SOMEONE);
        }
        var report = check(draft.edit().body());
        if (!report.problems().isEmpty() && !confirmedProblems) {
            throw InputProblem.keyed(null, PUBLISH_ANYWAY, String.valueOf(report.problems().size()));
        }
        String actor = currentUser.actor().label();
        if (!guides.publish(id, version, MarkdownText.plain(draft.edit().body()), actor, clock.instant())) {
            throw InputProblem.keyed(null, CHANGED_BY_SOMEONE);
        }
        guides.addRevision(id, draft.edit().title(), draft.edit().summary(), draft.edit().body(), "Published", actor,
                clock.instant());
        audit.record(currentUser.actor(), "guide.published", "guide:" + id, draft.edit().slug()
                + (report.problems().isEmpty() ? "" : " (with " + report.problems().size() + " check problems confirmed)"));
        events.publishEvent(new GuidePublished(id, draft.edit().slug(), currentUser.actor()));
        versions.bump(ContentVersions.GUIDES); // tells the other nodes, once this commits
        return version + 1;
    }

    /**
     * This node's rendered pages are refreshed once a publication is committed (not before: a page read between
     * the change and the commit would otherwise be cached with the old text). Other nodes see the version bump.
     */
    @TransactionalEventListener
    void refreshPages(GuidePublished published) {
        forgetCaches();
    }

    /** The glossary, its marker and every rendered page are refreshed once a term change is committed. */
    @TransactionalEventListener
    void refreshGlossary(GlossaryTermChanged changed) {
        forgetGlossary();
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long unpublish(long id, long version) {
        if (!guides.unpublish(id, version)) {
            throw InputProblem.keyed(null, CHANGED_BY_SOMEONE);
        }
        audit.record(currentUser.actor(), "guide.unpublished", "guide:" + id, null);
        forgetCaches();
        versions.bump(ContentVersions.GUIDES); // tells the other nodes, once this commits
        return version + 1;
    }

    @PreAuthorize(Roles.HAS_STAFF)
    public List<Revision> revisions(long id) {
        return guides.revisions(id);
    }

    /** Makes an earlier revision the current draft (publish again to show it to parents). */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long restore(long id, long version, long revisionId) {
        var draft = guides.draft(id).orElseThrow(() -> InputProblem.keyed(null, "guides.problem.gone"));
        var content = guides.revisionContent(id, revisionId)
                .orElseThrow(() -> InputProblem.keyed(null, "guides.problem.noRevision"));
        var e = draft.edit();
        var restored = new GuideEdit(e.slug(), e.categoryCode(), e.kind(), content[0], content[1], content[2],
                e.related(), e.lastChecked());
        String actor = currentUser.actor().label();
        if (!guides.updateDraft(id, version, restored, actor, clock.instant())) {
            throw InputProblem.keyed(null, CHANGED_BY_SOMEONE);
        }
        guides.addRevision(id, content[0], content[1], content[2], "Restored revision " + content[3], actor,
                clock.instant());
        audit.record(currentUser.actor(), "guide.restored", "guide:" + id, "revision " + content[3]);
        return version + 1;
    }

    private void validate(GuideEdit e, long id) {
        if (e.title() == null || e.title().isBlank()) {
            throw InputProblem.keyed("title", "guides.problem.title");
        }
        if (e.title().length() > MAX_TITLE) {
            throw InputProblem.keyed("title", "guides.problem.titleLong", String.valueOf(MAX_TITLE));
        }
        if (e.summary() == null || e.summary().isBlank()) {
            throw InputProblem.keyed("summary", "guides.problem.summary");
        }
        if (e.summary().length() > MAX_SUMMARY) {
            throw InputProblem.keyed("summary", "guides.problem.summaryLong", String.valueOf(MAX_SUMMARY));
        }
        if (e.slug() == null || !SLUG.matcher(e.slug()).matches() || e.slug().length() > 80) {
            throw InputProblem.keyed("slug", "guides.problem.slug");
        }
        if (e.body() == null || e.body().isBlank()) {
            throw InputProblem.keyed("body", "guides.problem.body");
        }
        if (e.body().length() > MAX_BODY) {
            throw InputProblem.keyed("body", "guides.problem.bodyLong", String.valueOf(e.body().length()), String.valueOf(MAX_BODY));
        }
        if (category(e.categoryCode()).isEmpty()) {
            throw InputProblem.keyed("category", "guides.problem.category");
        }
        if (!Guides.KIND_GUIDE.equals(e.kind()) && !Guides.KIND_PATHWAY.equals(e.kind())) {
            throw InputProblem.keyed("kind", "guides.problem.kind");
        }
        if (guides.slugTaken(e.slug(), id)) {
            throw slugTaken();
        }
    }

    private static InputProblem slugTaken() {
        return InputProblem.keyed("slug", "guides.problem.slugTaken");
    }

    // ---- jargon buster editing ----

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public long saveTerm(Long id, long version, GlossaryEdit edit) {
        if (edit.term() == null || edit.term().isBlank() || edit.term().length() > 80) {
            throw InputProblem.keyed("term", "guides.problem.term");
        }
        if (edit.meaning() == null || edit.meaning().isBlank() || edit.meaning().length() > 600) {
            throw InputProblem.keyed("meaning", "guides.problem.meaning");
        }
        if (edit.forYou() != null && edit.forYou().length() > 600) {
            throw InputProblem.keyed("forYou", "guides.problem.forYou");
        }
        var clean = new GlossaryEdit(edit.term().strip(), edit.meaning().strip(),
                edit.forYou() == null ? "" : edit.forYou().strip(),
                edit.alsoKnownAs().stream().map(String::strip).filter(s -> !s.isEmpty() && !s.contains("|")).toList());
        long saved;
        try {
            if (id == null) {
                saved = glossary.insert(clean, clock.instant());
            } else if (glossary.update(id, version, clean, clock.instant())) {
                saved = id;
            } else {
                throw InputProblem.keyed(null, "guides.problem.termChanged");
            }
        } catch (DuplicateKeyException e) {
            throw InputProblem.keyed("term", "guides.problem.termTaken");
        }
        audit.record(currentUser.actor(), "glossary.saved", "term:" + saved, clean.term());
        events.publishEvent(new GlossaryTermChanged(saved, clean.term(), currentUser.actor()));
        versions.bump(ContentVersions.GLOSSARY); // tells the other nodes, once this commits
        return saved;
    }
}
