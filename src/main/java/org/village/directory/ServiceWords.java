package org.village.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

    private final List<Row> rows;
    private final WordRules rules;

    ServiceWords(List<TextRow> textRows) {
        var list = new ArrayList<Row>(textRows.size());
        var texts = new ArrayList<String>(textRows.size());
        for (TextRow r : textRows) {
            String text = r.text() == null ? "" : r.text();
            list.add(new Row(r.id(), text.toLowerCase(Locale.ROOT), WordRules.padded(text)));
            texts.add(text);
        }
        this.rows = List.copyOf(list);
        this.rules = new WordRules(new Vocabulary(texts), Synonyms.standard());
    }

    TextMatch match(String typed) {
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

    private List<Long> byWords(List<Set<String>> slots) {
        if (slots.isEmpty()) {
            return List.of();
        }
        return rows.stream().filter(r -> WordRules.matchesAll(r.padded(), slots)).map(Row::id).toList();
    }

    WordRules rules() {
        return rules;
    }
}
