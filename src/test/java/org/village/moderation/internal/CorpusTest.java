package org.village.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.village.moderation.Finding;
import org.village.moderation.FindingKind;
import org.village.moderation.Verdict;

/**
 * The labelled corpus (src/test/resources/moderation/corpus.tsv, over 200 lines in parents' words) through every
 * filter with the lists a new portal ships: precision and recall per kind are printed (docs/benchmarks.md records
 * them) and held above floors: precision 0.95 and recall 0.9 over all kinds, 0.9 and 0.85 for each, and 98% of the
 * innocent lines passing untouched.
 */
class CorpusTest {

    static final List<String> FAMILY = List.of("Jay", "Mia", "Leo");
    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

    record Line(int number, Set<String> expected, String text) {
    }

    static List<Line> corpus() throws IOException {
        var lines = new ArrayList<Line>();
        var all = Files.readAllLines(Path.of("src/test/resources/moderation/corpus.tsv"), StandardCharsets.UTF_8);
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            var expected = new TreeSet<>(Set.of(parts[0].split(",")));
            expected.remove("ALLOWED");
            lines.add(new Line(i + 1, expected, ESCAPE.matcher(parts[1]).replaceAll(m -> String.valueOf((char) Integer.parseInt(m.group(1), 16)))));
        }
        return lines;
    }

    static Set<String> labels(Verdict verdict) {
        return verdict.findings().stream().map(CorpusTest::label).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String label(Finding f) {
        return f.kind() == FindingKind.RISK ? "RISK:" + f.risk() : f.kind().name();
    }

    @Test
    void theCorpusIsBigEnoughAndEveryKindIsInIt() throws IOException {
        var corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        var kinds = corpus.stream().flatMap(l -> l.expected().stream()).map(k -> k.replaceAll(":.*", ""))
                .collect(Collectors.toSet());
        assertThat(kinds).containsAll(java.util.Arrays.stream(FindingKind.values()).map(Enum::name).toList());
        assertThat(corpus.stream().filter(l -> l.expected().isEmpty()).count()).as("innocent lines").isGreaterThanOrEqualTo(100);
    }

    @Test
    void precisionAndRecallPerKindStayAboveTheFloors() throws IOException {
        var engine = SeededLists.engine();
        var corpus = corpus();
        Map<String, int[]> counts = new TreeMap<>(); // true positives, false positives, false negatives
        var mistakes = new ArrayList<String>();
        int innocentPassed = 0;
        int innocent = 0;
        for (var line : corpus) {
            var verdict = engine.check(line.text(), FAMILY);
            var found = labels(verdict);
            for (String k : found) {
                counts.computeIfAbsent(kind(k), x -> new int[3])[line.expected().contains(k) ? 0 : 1]++;
            }
            for (String k : line.expected()) {
                if (!found.contains(k)) {
                    counts.computeIfAbsent(kind(k), x -> new int[3])[2]++;
                }
            }
            if (!found.equals(line.expected())) {
                mistakes.add("line " + line.number() + ": expected " + line.expected() + ", found " + found + ": " + line.text());
            }
            if (line.expected().isEmpty()) {
                innocent++;
                if (verdict.outcome() == Verdict.Outcome.ALLOWED && verdict.text().equals(line.text())) {
                    innocentPassed++;
                }
            }
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        var report = new StringBuilder("\nModeration corpus: " + corpus.size() + " lines, " + innocent + " innocent\n");
        report.append(String.format("%-16s %4s %4s %4s %9s %7s%n", "kind", "TP", "FP", "FN", "precision", "recall"));
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            report.append(String.format("%-16s %4d %4d %4d %9.3f %7.3f%n", e.getKey(), c[0], c[1], c[2], precision(c[0], c[1]),
                    recall(c[0], c[2])));
        }
        report.append(String.format("%-16s %4d %4d %4d %9.3f %7.3f%n", "all", tp, fp, fn, precision(tp, fp), recall(tp, fn)));
        report.append("innocent lines passed untouched: ").append(innocentPassed).append(" of ").append(innocent).append('\n');
        mistakes.forEach(m -> report.append("  ").append(m).append('\n'));
        System.out.println(report);

        // the named false alarms (Scunthorpe, 10:30, 2009, £12.50, Church Road) are held to all-pass in TextFiltersTest;
        // the second batch, written blind, has two innocent lines a risk phrase catches (recorded in docs/benchmarks.md)
        assertThat((double) innocentPassed / innocent).as("innocent lines that pass\n" + report).isGreaterThanOrEqualTo(0.98);
        assertThat(precision(tp, fp)).as("precision over all kinds\n" + report).isGreaterThanOrEqualTo(0.95);
        assertThat(recall(tp, fn)).as("recall over all kinds\n" + report).isGreaterThanOrEqualTo(0.9);
        counts.forEach((kind, c) -> {
            assertThat(precision(c[0], c[1])).as("precision of " + kind + "\n" + report).isGreaterThanOrEqualTo(0.9);
            assertThat(recall(c[0], c[2])).as("recall of " + kind + "\n" + report).isGreaterThanOrEqualTo(0.85);
        });
    }

    /** Risk is counted as one kind here; which risk it was must still match for a true positive. */
    private static String kind(String label) {
        return label.startsWith("RISK:") ? "RISK" : label;
    }

    private static double precision(int tp, int fp) {
        return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
    }

    private static double recall(int tp, int fn) {
        return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
    }
}
