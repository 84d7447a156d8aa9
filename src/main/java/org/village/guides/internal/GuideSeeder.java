package org.village.guides.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.content.MarkdownText;
import org.village.guides.Guides.Category;
import org.village.guides.Guides.GlossaryEdit;
import org.village.guides.Guides.GuideEdit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the sample guides, jargon buster, blaming phrases from {@code db/seed} when
 * the tables are empty, in every profile: a new portal starts with something to read. The content is
 * marked as sample, for a local partnership to replace with its own.
 */
@Component
class GuideSeeder implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(GuideSeeder.class);
    static final List<String> BLAMING_PHRASES = List.of("putting themselves at risk", "put themselves at risk",
            "prostitute", "child prostitution", "lifestyle choice", "choosing this lifestyle", "promiscuous",
            "consented", "sexually active", "streetwise", "attention seeking", "risky behaviour", "bad parenting");

    private final GuideStore guides;
    private final GlossaryStore glossary;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    GuideSeeder(GuideStore guides, GlossaryStore glossary, TransactionTemplate tx, Clock clock) {
        this.guides = guides;
        this.glossary = glossary;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Runs once every bean exists (so Flyway has migrated) but before the web server takes requests:
     * the first visitor never sees an empty guides page, and the search vocabulary is built from the seed.
     */
    @Override
    public void afterSingletonsInstantiated() {
        seed();
    }

    void seed() {
        tx.executeWithoutResult(s -> {
            if (guides.categories().isEmpty()) {
                seedCategories();
            }
            if (glossary.count() == 0) {
                seedGlossary();
                glossary.replaceBlamingPhrases(BLAMING_PHRASES);
            }
            if (guides.countGuides() == 0) {
                seedGuides();
            }
        });
    }

    private JsonNode read(String path) {
        try (var in = new org.springframework.core.io.ClassPathResource(path).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void seedCategories() {
        int order = 0;
        for (JsonNode c : read("db/seed/guide-categories.json")) {
            guides.insertCategory(new Category(c.get("code").asString(), c.get("name").asString(),
                    c.get("description").asString()), order++);
        }
    }

    private void seedGlossary() {
        int n = 0;
        for (JsonNode t : read("db/seed/glossary.json")) {
            var aka = new ArrayList<String>();
            if (t.has("alsoKnownAs")) {
                t.get("alsoKnownAs").forEach(a -> aka.add(a.asString()));
            }
            glossary.insert(new GlossaryEdit(t.get("term").asString(), t.get("meaning").asString(),
                    t.has("forYou") ? t.get("forYou").asString() : "", aka), clock.instant());
            n++;
        }
        log.info("Loaded {} sample jargon-buster terms", n);
    }

    private void seedGuides() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/seed/guides/*.md");
            Arrays.sort(files, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                var meta = frontMatter(text);
                var edit = new GuideEdit(meta.get("slug"), meta.get("category"), meta.getOrDefault("kind", "guide"),
                        meta.get("title"), meta.get("summary"), MarkdownText.stripFrontMatter(text).strip(),
                        list(meta.get("related")),
                        meta.containsKey("lastChecked") ? LocalDate.parse(meta.get("lastChecked")) : null);
                long id = guides.insert(edit, true, "system", clock.instant());
                guides.addRevision(id, edit.title(), edit.summary(), edit.body(), "Sample content loaded", "system",
                        clock.instant());
                guides.publish(id, 0, MarkdownText.plain(edit.body()), "system", clock.instant());
            }
            log.info("Loaded {} sample guides", files.length);
            for (Resource file : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:db/seed/guides/translations/*.md")) {
                String text = file.getContentAsString(StandardCharsets.UTF_8);
                var meta = frontMatter(text);
                guides.idOf(meta.get("slug")).ifPresent(id -> guides.saveTranslation(new org.village.guides.Guides.Translation(
                        id, meta.get("language"), meta.get("title"), meta.get("summary"),
                        MarkdownText.stripFrontMatter(text).strip(), true, 0), false, "system", clock.instant()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> frontMatter(String text) {
        return MarkdownText.frontMatter(text);
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.replace("[", "").replace("]", "").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }
}
