package org.village.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.village.moderation.RiskKind;
import org.village.moderation.WatchAction;
import org.village.moderation.internal.FilterEngine;
import org.village.moderation.internal.SeededLists;
import org.village.moderation.internal.Tokens;

/**
 * Not a test: the cost of every text filter on one post (issue 10 "posting with every filter: p95 ≤ 30 ms"), in
 * process, with the seeded lists plus a partnership-sized list (500 more watched words, 200 more risk phrases, 300
 * schools), over posts of realistic lengths up to the 5,000-character limit made from the labelled corpus. Prints
 * p50/p95/p99 per length, and the time to rebuild the lists after an edit.
 * <p>
 * Run: scripts/bench-filters.sh
 */
public final class FiltersBenchmark {

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        var random = new Random(42);
        var lines = Files.readAllLines(Path.of("src/test/resources/moderation/corpus.tsv"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t", 2)[1]).toList();

        var watched = new ArrayList<FilterEngine.Watched>();
        SeededLists.watched().forEach(r -> watched.add(new FilterEngine.Watched(Tokens.normalise(r.phrase()),
                WatchAction.valueOf(r.kind()), r.reason())));
        var risks = new ArrayList<FilterEngine.Risk>();
        SeededLists.risks().forEach(r -> risks.add(new FilterEngine.Risk(Tokens.normalise(r.phrase()), RiskKind.valueOf(r.kind()))));
        var schools = new ArrayList<String>(SeededLists.schools().stream().map(SeededLists.Row::phrase).toList());
        for (int i = 0; i < 500; i++) {
            watched.add(new FilterEngine.Watched(word(random) + (i % 3 == 0 ? " " + word(random) : ""),
                    WatchAction.values()[i % 4], "A reason " + i));
        }
        for (int i = 0; i < 200; i++) {
            risks.add(new FilterEngine.Risk(word(random) + " " + word(random) + " " + word(random), RiskKind.values()[i % 4]));
        }
        for (int i = 0; i < 300; i++) {
            schools.add(capital(word(random)) + (i % 2 == 0 ? " Primary" : " Academy"));
        }

        long buildStart = System.nanoTime();
        var engine = new FilterEngine(watched, risks, schools);
        double firstBuild = (System.nanoTime() - buildStart) / 1e6;
        var rebuilds = new double[20];
        for (int i = 0; i < rebuilds.length; i++) {
            long t = System.nanoTime();
            new FilterEngine(watched, risks, schools);
            rebuilds[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(rebuilds);
        System.out.printf("lists: %d watched, %d risk phrases, %d schools; first build %.1f ms, rebuild p50 %.2f ms%n",
                watched.size(), risks.size(), schools.size(), firstBuild, rebuilds[rebuilds.length / 2]);

        var family = List.of("Jay", "Mia", "Leo");
        // wall time includes waiting for a core (other work on this 2-core machine); CPU time is the filters' own cost
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        System.out.printf("load average at start: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        for (int length : new int[] {200, 1000, 2500, 5000}) {
            var posts = new ArrayList<String>();
            for (int i = 0; i < 200; i++) {
                var post = new StringBuilder();
                while (post.length() < length) {
                    post.append(lines.get(random.nextInt(lines.size()))).append(random.nextInt(5) == 0 ? "\n\n" : " ");
                }
                posts.add(post.substring(0, length));
            }
            for (int i = 0; i < 500; i++) {
                engine.check(posts.get(i % posts.size()), family);
            }
            var times = new double[rounds];
            var cpu = new double[rounds];
            long outcomes = 0;
            for (int i = 0; i < rounds; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                var verdict = engine.check(posts.get(i % posts.size()), family);
                times[i] = (System.nanoTime() - t) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                outcomes += verdict.findings().size();
            }
            Arrays.sort(times);
            Arrays.sort(cpu);
            System.out.printf("post of %5d chars: wall p50 %6.2f  p95 %6.2f  p99 %6.2f ms | cpu p50 %6.2f  p95 %6.2f  p99 %6.2f ms"
                            + "  (%d checks, %.1f findings each)%n",
                    length, times[rounds / 2], times[(int) (rounds * 0.95)], times[(int) (rounds * 0.99)],
                    cpu[rounds / 2], cpu[(int) (rounds * 0.95)], cpu[(int) (rounds * 0.99)], rounds, (double) outcomes / rounds);
        }
    }

    private static String word(Random random) {
        var w = new StringBuilder();
        int n = 4 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            w.append((char) ('a' + random.nextInt(26)));
        }
        return w.toString();
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
