package org.village.directory;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.village.directory.internal.ServiceStore.TextRow;
import org.village.shared.search.Synonyms;
import org.village.shared.search.Vocabulary;
import org.village.shared.search.WordRules;
import org.village.shared.search.Words;

/**
 * Every service's words in memory, so a search can forgive typos ("counceling") and parents' words ("social
 * worker") without slow SQL: it gives the ids of the services that match, and the SQL filters by id. What was
 * typed is tried first, exactly as the old text search did (the text appears in the name, organisation, what
 * they do or who it is for); then every word, in any order; then, only for words that are not real words, the
 * nearest word the services use. Immutable; rebuilt when the services change.
 */
final class ServiceWords {

    private record Row(long id, String lower, String padded) {
    }

    private static final int REMEMBERED = 500;

    private final List<Row> rows;
    private final WordRules rules;
    /** Each word to the rows that have it: a word prefix ("counsel") is a range of this sorted map. */
    private final TreeMap<String, BitSet> rowsByWord = new TreeMap<>();
    /** Recent answers (the page asks for the count and then the first page with the same words). */
    private final Map<String, TextMatch> recent = new ConcurrentHashMap<>();

    ServiceWords(List<TextRow> textRows) {
        var list = new ArrayList<Row>(textRows.size());
        var wordsOfTexts = new ArrayList<List<String>>(textRows.size());
        for (TextRow r : textRows) {
            String text = r.text() == null ? "" : r.text();
            int index = list.size();
            List<String> w = Words.of(text);
            list.add(new Row(r.id(), text.toLowerCase(Locale.ROOT), " " + String.join(" ", w) + " "));
            wordsOfTexts.add(w);
            for (String word : w) {
                rowsByWord.computeIfAbsent(word, k -> new BitSet()).set(index);
            }
        }
        this.rows = List.copyOf(list);
        this.rules = new WordRules(new Vocabulary(wordsOfTexts), Synonyms.standard());
    }

    TextMatch match(String typed) {
        String key = typed.strip().toLowerCase(Locale.ROOT);
        TextMatch known = recent.get(key);
        if (known != null) {
            return known;
        }
        TextMatch m = compute(key);
        if (recent.size() >= REMEMBERED) {
            recent.clear();
        }
        recent.put(key, m);
        return m;
    }

    private TextMatch compute(String typed) {
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        List<String> words = Words.of(lower);
        var asTyped = rows.stream().filter(r -> r.lower().contains(lower)).map(Row::id).toList();
        var fixed = rules.corrected(words);
        if (!asTyped.isEmpty()) {
            if (fixed.isPresent() && byWords(rules.slots(fixed.get())).size() > asTyped.size()) {
                return new TextMatch(asTyped, null, String.join(" ", fixed.get()));
            }
            return new TextMatch(asTyped, null, null);
        }
        var byWords = byWords(rules.slots(words));
        if (!byWords.isEmpty() || fixed.isEmpty()) {
            return new TextMatch(byWords, null, null);
        }
        var byFixed = byWords(rules.slots(fixed.get()));
        return new TextMatch(byFixed, byFixed.isEmpty() ? null : String.join(" ", fixed.get()), null);
    }

    /** Rows where every slot has a way of writing it that starts a word (the same rule as WordRules.matchesAll). */
    private List<Long> byWords(List<Set<String>> slots) {
        if (slots.isEmpty()) {
            return List.of();
        }
        BitSet all = null;
        for (Set<String> slot : slots) {
            var inSlot = new BitSet();
            for (String alternative : slot) {
                int space = alternative.indexOf(' ');
                String first = space < 0 ? alternative : alternative.substring(0, space);
                var starting = new BitSet();
                rowsByWord.subMap(first, true, first + Character.MAX_VALUE, false).values().forEach(starting::or);
                if (space >= 0) {
                    String phrase = " " + alternative;
                    for (int i = starting.nextSetBit(0); i >= 0; i = starting.nextSetBit(i + 1)) {
                        if (!rows.get(i).padded().contains(phrase)) {
                            starting.clear(i);
                        }
                    }
                }
                inSlot.or(starting);
            }
            if (all == null) {
                all = inSlot;
            } else {
                all.and(inSlot);
            }
            if (all.isEmpty()) {
                return List.of();
            }
        }
        var ids = new ArrayList<Long>(all.cardinality());
        for (int i = all.nextSetBit(0); i >= 0; i = all.nextSetBit(i + 1)) {
            ids.add(rows.get(i).id());
        }
        return ids;
    }

    WordRules rules() {
        return rules;
    }
}
