package org.village.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.village.forum.PostStatus;
import org.village.forum.internal.ForumIndex;
import org.village.forum.internal.ForumStore.Change;
import org.village.forum.ForumService;

/**
 * Forum search figures for docs/benchmarks.md and decision 077: the forum's own Lucene index (ForumIndex) filled
 * with generated posts (default 1,000,000 in 50,000 topics, 15 to 120 words each, Zipf-distributed vocabulary
 * with very common words), then each query 200 times after a warm-up, (120 ids, as ForumService asks for a page of 40).
 * Run with scripts/bench-forum.sh [posts].
 */
public final class ForumSearchBenchmark {

    private static final String[] COMMON = ("the and to i a my of it he she is was in that for on with they at be "
            + "this have not but me so we all you are just what about when school police son daughter meeting worker "
            + "social help court home time know feel think out like get go said day week told him her them one").split(" ");
    private static final String[] TOPICAL = ("exclusion excluded statement interview missing return safe worried "
            + "scared sleep tired guilty judge solicitor hearing teacher headteacher timetable managed move plan "
            + "strategy conference referral mechanism grooming exploitation gang drugs county lines phone money "
            + "bus park friends older lads car night weekend police officer witness evidence bail caution youth "
            + "offending team mentor counselling therapy group brother sister sibling younger football club coach "
            + "football cooking walking garden kettle tea coffee centre family support worker advocate").split(" ");

    public static void main(String[] args) throws Exception {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int topics = Math.max(1, posts / 20);
        var random = new Random(42);
        var index = new ForumIndex(null, 5000);
        long started = System.nanoTime();
        var batch = new ArrayList<Change>(5000);
        for (int i = 1; i <= posts; i++) {
            long topic = 1 + random.nextInt(topics);
            String title = i <= topics ? sentence(random, 4 + random.nextInt(6)) : null;
            PostStatus status = random.nextInt(50) == 0 ? PostStatus.PENDING : PostStatus.PUBLISHED;
            batch.add(new Change(i, topic, title, sentence(random, 15 + random.nextInt(106)), status,
                    1 + random.nextInt(5000), i));
            if (batch.size() == 5000) {
                index.take(batch);
                batch.clear();
            }
        }
        index.take(batch);
        index.refresh();
        double indexSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.UK, "%nForum search: %,d posts in %,d topics indexed in %.1f s%n", posts, topics, indexSeconds);
        for (String q : List.of("the", "my son the police", "school exclusion", "scool exclusoin", "statment to the polise",
                "football coach", "headteacher managed move", "what about the meeting")) {
            List<Set<String>> slots = ForumService.searchSlots(q);
            for (boolean eachWordScored : new boolean[] {true, false}) {
                for (int w = 0; w < 30; w++) {
                    index.search(slots, 120, eachWordScored);
                }
                long[] times = new long[200];
                int found = 0;
                for (int r = 0; r < times.length; r++) {
                    long t0 = System.nanoTime();
                    found = index.search(slots, 120, eachWordScored).size();
                    times[r] = System.nanoTime() - t0;
                }
                Arrays.sort(times);
                System.out.printf(Locale.UK, "  %-28s %-14s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%d ids)%n",
                        "\"" + q + "\"", eachWordScored ? "each word" : "synonym slots", times[100] / 1e6,
                        times[189] / 1e6, times[199] / 1e6, found);
            }
        }
        index.close();
    }

    /** Zipf-like: a few very common words, topical words often, a long tail of rarer ones. */
    private static String sentence(Random random, int words) {
        var sb = new StringBuilder();
        for (int w = 0; w < words; w++) {
            int roll = random.nextInt(100);
            String word;
            if (roll < 55) {
                word = COMMON[(int) Math.min(COMMON.length - 1, Math.abs(random.nextGaussian()) * COMMON.length / 3)];
            } else if (roll < 85) {
                word = TOPICAL[random.nextInt(TOPICAL.length)];
            } else {
                word = "w" + Integer.toString((int) Math.pow(random.nextDouble(), 3) * 50_000, 36);
            }
            sb.append(word).append(' ');
        }
        return sb.toString();
    }
}
