package org.village.shared.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The words a set of texts use (guides and the jargon buster, or the services), held in a small in-memory Lucene
 * index, one document per text, so Lucene's {@link DirectSpellChecker} can say which of them a mistyped word was
 * most likely meant to be (up to two letters wrong, swapped letters counting once, more common words first).
 * Immutable once built; safe to share between threads.
 */
public final class Vocabulary {

    private static final String FIELD = "w";

    private final DirectoryReader reader;
    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final Set<String> words = new HashSet<>();

    public Vocabulary(Iterable<String> texts) {
        this(java.util.stream.StreamSupport.stream(texts.spliterator(), false).map(Words::of).toList());
    }

    /**
     * From texts already split by {@link Words#of}. Each text is one document holding each of its words once,
     * so "more common" means "used by more texts".
     */
    public Vocabulary(List<List<String>> wordsOfTexts) {
        var dir = new ByteBuffersDirectory();
        // the words are already split and lower case: splitting at spaces is all Lucene needs to do
        try (var writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            for (List<String> w : wordsOfTexts) {
                if (w.isEmpty()) {
                    continue;
                }
                var distinct = new java.util.LinkedHashSet<>(w);
                words.addAll(distinct);
                var doc = new Document();
                doc.add(new TextField(FIELD, String.join(" ", distinct), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            this.reader = DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checker.setMaxEdits(2);
        checker.setMinQueryLength(4);
        checker.setAccuracy(0.6f);
    }

    public boolean contains(String word) {
        return words.contains(word);
    }

    public int size() {
        return words.size();
    }

    /** The word this vocabulary has that is nearest to a word it does not have; empty when none is close. */
    public Optional<String> nearest(String word) {
        if (word == null || word.length() < 4 || words.contains(word)) {
            return Optional.empty();
        }
        try {
            var found = checker.suggestSimilar(new Term(FIELD, word), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
            return found.length == 0 ? Optional.empty() : Optional.of(found[0].string);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
