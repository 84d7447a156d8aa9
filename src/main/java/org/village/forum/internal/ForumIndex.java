package org.village.forum.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.village.forum.PostStatus;
import org.village.forum.internal.ForumStore.Change;

/**
 * This node's search index of forum posts (plain Lucene, decision 077). It is built from the database at start and
 * then polls every second for posts with a change number above the last one it took in, so a post written on any
 * node is findable on every node within a few seconds. The database stays the truth: the service checks each hit's
 * status again before anyone sees it. The index lives in a temporary folder and is rebuilt on every start.
 */
@Component
public class ForumIndex implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ForumIndex.class);

    private final ForumStore store;
    private final Path folder;
    private final MMapDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final AtomicLong watermark = new AtomicLong();
    private final int batch;

    private static final Sort NEWEST_FIRST = new Sort(new SortField("age", SortField.Type.LONG, true));
    /**
     * A search whose every slot is in at least this many posts (and this share of them) asks for words nearly every
     * post has: ranking by score then tells little, and intersecting their lists costs tens of milliseconds at 1M
     * posts, so it returns the newest matching posts instead and stops at the first page (decision 048).
     */
    static final int COMMON_POSTS = 10_000;
    static final double COMMON_SHARE = 0.05;

    public ForumIndex(ForumStore store, @Value("${village.forum.search.batch:2000}") int batch) throws IOException {
        this.store = store;
        this.batch = batch;
        this.folder = Files.createTempDirectory("village-forum-index");
        this.directory = new MMapDirectory(folder);
        var config = new IndexWriterConfig(new StandardAnalyzer());
        config.setRAMBufferSizeMB(64);
        // newest posts first inside every segment: a search for very common words stops at the first page (decision 048)
        config.setIndexSort(NEWEST_FIRST);
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(writer, null);
    }

    /** The highest change number taken in. */
    public long watermark() {
        return watermark.get();
    }

    /** Takes in every post changed since the last poll; runs every second on each node. */
    @Scheduled(fixedDelayString = "${village.forum.search.poll:PT1S}", initialDelay = 0)
    public synchronized void catchUp() {
        try {
            int taken = 0;
            while (true) {
                List<Change> changes = store.changesAfter(watermark.get(), batch);
                take(changes);
                taken += changes.size();
                if (changes.size() < batch) {
                    break;
                }
            }
            if (taken > 0) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException | RuntimeException e) {
            // the next poll tries again from the same number; nothing is lost
            log.warn("Forum search index could not catch up: {}", e.getClass().getSimpleName());
        }
    }

    /** Takes these changes in, in order (the poll, and the benchmark's generated posts); searchable after a refresh. */
    public void take(List<Change> changes) throws IOException {
        for (Change c : changes) {
            apply(c);
            watermark.set(c.seq());
        }
    }

    /** Makes everything taken in so far searchable. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    private void apply(Change c) throws IOException {
        Term id = new Term("id", Long.toString(c.id()));
        if (c.status() == PostStatus.DELETED || c.status() == PostStatus.HIDDEN) {
            writer.deleteDocuments(id);
            return;
        }
        var doc = new Document();
        doc.add(new StringField("id", Long.toString(c.id()), Field.Store.YES));
        doc.add(new StoredField("pid", c.id()));
        doc.add(new LongPoint("topic", c.topicId()));
        doc.add(new NumericDocValuesField("age", c.id()));
        String text = c.title() == null ? c.body() : c.title() + "\n" + c.body();
        doc.add(new TextField("text", text, Field.Store.NO));
        writer.updateDocument(id, doc);
    }

    /**
     * Post ids best first. Each slot is a set of words any of which will do (a word and its synonyms); every slot
     * must match. A word that is in no post matches words a letter or two away, so misspellings are forgiven.
     * Every status but hidden and deleted is here: the caller checks each hit against the database.
     */
    public List<Long> search(List<Set<String>> slots, int limit) {
        return search(slots, limit, false);
    }

    /**
     * The same; {@code eachWordScored} builds decision 077's first query (each word of a slot its own scored clause),
     * kept only so the benchmark can compare the two in one run (decision 048).
     */
    public List<Long> search(List<Set<String>> slots, int limit, boolean eachWordScored) {
        if (slots.isEmpty()) {
            return List.of();
        }
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                // search(query, n) counts hits exactly only up to 1,000 (TopScoreDocCollectorManager's threshold), so
                // past that Lucene skips whole blocks that cannot reach the top n (block-max WAND)
                IndexReader reader = searcher.getIndexReader();
                Query query = query(slots, reader, eachWordScored);
                TopDocs top = !eachWordScored && veryCommon(slots, reader)
                        // sorted as the index is, counting only the first page: Lucene stops when the page is full
                        ? searcher.search(query, new TopFieldCollectorManager(NEWEST_FIRST, limit, null, limit))
                        : searcher.search(query, limit);
                var ids = new ArrayList<Long>(top.scoreDocs.length);
                var stored = searcher.storedFields();
                for (var hit : top.scoreDocs) {
                    ids.add(stored.document(hit.doc).getField("pid").numericValue().longValue());
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when every slot has a word found in at least {@link #COMMON_POSTS} posts and {@link #COMMON_SHARE} of all. */
    static boolean veryCommon(List<Set<String>> slots, IndexReader reader) throws IOException {
        long floor = Math.max(COMMON_POSTS, (long) (reader.maxDoc() * COMMON_SHARE));
        for (Set<String> slot : slots) {
            long most = 0;
            for (String word : slot) {
                for (String part : word.split("\\s+")) {
                    if (!part.isBlank()) {
                        most = Math.max(most, reader.docFreq(new Term("text", part)));
                    }
                }
            }
            if (most < floor) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every slot must match. Within a slot, the words found in the index (as typed, and their synonyms) form one
     * {@link SynonymQuery}: scored as a single term whose frequency is theirs together, so Lucene knows the best
     * score each block of posts can reach and skips blocks that cannot reach the top (a Boolean OR of many words each
     * in most posts defeated that: decision 048). Only a word found nowhere is searched loosely ({@link FuzzyQuery}).
     */
    private static Query query(List<Set<String>> slots, IndexReader index, boolean eachWordScored) throws IOException {
        var all = new BooleanQuery.Builder();
        for (Set<String> slot : slots) {
            var exact = new SynonymQuery.Builder("text");
            int exactCount = 0;
            var loose = new ArrayList<Query>();
            for (String word : slot) {
                for (String part : word.split("\\s+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    Query q = words(part, index);
                    if (q instanceof TermQuery t && !eachWordScored) {
                        exact.addTerm(t.getTerm());
                        exactCount++;
                    } else {
                        loose.add(q);
                    }
                }
            }
            if (exactCount > 0 && loose.isEmpty()) {
                all.add(exact.build(), Occur.MUST);
                continue;
            }
            var any = new BooleanQuery.Builder();
            if (exactCount > 0) {
                any.add(exact.build(), Occur.SHOULD);
            }
            loose.forEach(q -> any.add(q, Occur.SHOULD));
            all.add(any.build(), Occur.MUST);
        }
        // No visibility clause here: it would match nearly every post and slow every search down. Others' waiting
        // posts (a few in a hundred) are dropped by the database check in ForumService.search, which over-fetches.
        return all.build();
    }

    /**
     * A word found in the index is searched as it is (never "corrected": it was right, and an exact term is fast
     * even when it is in most posts); a word found nowhere matches words one edit away (four to seven letters) or
     * two (eight or more), first letter kept.
     */
    private static Query words(String word, IndexReader index) throws IOException {
        var exact = new TermQuery(new Term("text", word));
        int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
        if (edits == 0 || index.docFreq(new Term("text", word)) > 0) {
            return exact;
        }
        return new FuzzyQuery(new Term("text", word), edits, 1, 50, true);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }
}
