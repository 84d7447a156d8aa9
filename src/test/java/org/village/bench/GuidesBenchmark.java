package org.village.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.village.Application;
import org.village.content.ContentRenderer;
import org.village.content.GlossaryMarker;
import org.village.content.MarkdownText;
import org.village.guides.GlossaryTerm;
import org.village.guides.GuideService;
import org.village.guides.Guides.GlossaryEdit;
import org.village.guides.Guides.GuideEdit;
import org.village.guides.internal.GlossaryStore;
import org.village.guides.internal.GuideStore;

/**
 * Not a test: loads 1,000 guides and 2,000 glossary terms into a fresh embedded MariaDB and prints
 * server-side figures for search, guide rendering and glossary marking (p50/p95 in ms).
 * <p>
 * Run: scripts/bench-guides.sh
 */
public final class GuidesBenchmark {

    private static final String[] WORDS = ("your child school police worker meeting plan safe help call home missing "
            + "court social care family support talk night phone friend group money drugs evidence witness letter "
            + "exclusion referral assessment strategy conference protection health doctor nurse sister brother "
            + "online message photo worry sleep food rest week month time answer question right ask tell write "
            + "decide share know feel hard kind calm step next before after morning evening weekend office team")
            .split(" ");

    public static void main(String[] args) {
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(Application.class)
                .properties("village.db.embedded.folder=", "server.port=0", "logging.level.root=WARN")
                .run();
        try {
            run(ctx);
        } finally {
            ctx.close();
        }
    }

    private static void run(ConfigurableApplicationContext ctx) {
        var guides = ctx.getBean(GuideStore.class);
        var glossary = ctx.getBean(GlossaryStore.class);
        var tx = ctx.getBean(TransactionTemplate.class);
        var service = ctx.getBean(GuideService.class);
        var random = new Random(42);

        long t0 = System.nanoTime();
        var terms = new ArrayList<String>();
        long missingTerms = 2_000 - glossary.count();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < missingTerms; i++) {
                String term = "bench " + WORDS[random.nextInt(WORDS.length)] + " " + Integer.toString(i, 36) + "x";
                terms.add(term);
                glossary.insert(new GlossaryEdit(term, sentence(random, 15), sentence(random, 12), List.of()), Instant.now());
            }
        });
        var slugs = new ArrayList<String>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 1_000; i++) {
                String body = guideBody(random, 600, terms);
                var edit = new GuideEdit("bench-guide-" + i, "what-happens-next", i % 3 == 0 ? "pathway" : "guide",
                        "Bench guide " + i + " about " + WORDS[random.nextInt(WORDS.length)],
                        sentence(random, 12), body, List.of(), LocalDate.now());
                long id = guides.insert(edit, true, "bench", Instant.now());
                guides.publish(id, 0, MarkdownText.plain(body), "bench", Instant.now());
                slugs.add(edit.slug());
            }
        });
        System.out.printf("loaded %d guides and %d glossary terms in %.1f s%n", guides.countGuides(), glossary.count(),
                (System.nanoTime() - t0) / 1e9);

        String[] queries = {"exclusion school", "strategy meeting", "exlcusion", "stratergy meting", "court witness",
                "missing child night", "polise", "brother sister support", "referal", "money drugs phone", "CAMHS",
                "child protection conference", "evidense", "social care", "sleep rest", "county lines"};
        service.search("warm up", 20);
        report("search (guides + glossary, 20 hits, spelling fixes)", 400, () -> {
            service.search(queries[random.nextInt(queries.length)], 20);
            return null;
        });
        report("guide page render, uncached (DB + Markdown + sanitise + mark)", 400, () ->
                service.render(slugs.get(random.nextInt(slugs.size()))).orElseThrow());
        report("guide page, as served (cached after first view)", 2_000, () ->
                service.page(slugs.get(random.nextInt(slugs.size()))).orElseThrow());

        List<GlossaryTerm> all = service.glossary();
        var marker = new GlossaryMarker(all);
        String html = ContentRenderer.html(guideBody(random, 2_000, terms), org.village.content.ContentPolicy.GUIDE);
        System.out.printf("marking input: %d words, %d terms%n", MarkdownText.plain(html).split("\\s+").length, all.size());
        report("glossary marking of a 2,000-word guide", 400, () -> marker.mark(html, "b"));
        report("building the glossary marker (2,000 terms)", 50, () -> new GlossaryMarker(all));
    }

    private static String sentence(Random random, int words) {
        var sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(WORDS.length)];
            sb.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i + 1 < words ? " " : ".");
        }
        return sb.toString();
    }

    /** About {@code words} words in paragraphs and steps, with a glossary term every 40 words or so. */
    private static String guideBody(Random random, int words, List<String> terms) {
        var sb = new StringBuilder();
        int written = 0;
        int step = 1;
        while (written < words) {
            if (written % 200 == 0) {
                sb.append("## Step ").append(step++).append(": ").append(sentence(random, 4)).append("\n\n");
            }
            sb.append(sentence(random, 10)).append(' ');
            if (!terms.isEmpty() && random.nextInt(4) == 0) {
                sb.append("Ask about the ").append(terms.get(random.nextInt(terms.size()))).append(". ");
                written += 4;
            }
            written += 10;
            if (written % 50 < 10) {
                sb.append("\n\n");
            }
        }
        return sb.toString();
    }

    private static void report(String what, int runs, Supplier<Object> action) {
        for (int i = 0; i < Math.min(300, runs); i++) {
            action.get();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.get();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.printf("%-62s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (n=%d)%n", what,
                times[runs / 2] / 1e6, times[(int) (runs * 0.95)] / 1e6, times[runs - 1] / 1e6, runs);
    }
}
