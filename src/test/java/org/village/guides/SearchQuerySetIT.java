package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.village.IntegrationTest;
import org.village.directory.DirectoryFilter;
import org.village.directory.DirectoryService;
import org.village.directory.ServiceSummary;
import org.village.shared.InputProblem;

/**
 * A labelled set of searches typed as parents type them (misspellings, lower case, text-speak, real words that
 * look like typos, hostile text), each with what it must and must not find, for guide search, the jargon buster
 * and the service directory. The set is {@code src/test/resources/search/query-set.tsv}; every failing line is
 * reported at once.
 */
class SearchQuerySetIT extends IntegrationTest {

    @Autowired
    GuideService guides;
    @Autowired
    DirectoryService directory;

    record Row(int line, String kind, String query, List<String> must, List<String> mustNot, List<String> flags) {
    }

    record Outcome(List<String> found, String corrected, String didYouMean) {
    }

    @Test
    void everyLabelledQueryFindsWhatItMustAndNothingItMustNot() throws IOException {
        var rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
        assertThat(rows.stream().map(Row::kind).distinct()).containsExactlyInAnyOrder("guides", "jargon", "services");
        var failures = new ArrayList<String>();
        for (Row row : rows) {
            Outcome o = run(row);
            var problems = new ArrayList<String>();
            row.must().stream().filter(k -> !o.found().contains(k)).forEach(k -> problems.add("missing " + k));
            row.mustNot().stream().filter(o.found()::contains).forEach(k -> problems.add("should not find " + k));
            for (String flag : row.flags()) {
                if (flag.equals("asTyped") && o.corrected() != null) {
                    problems.add("changed what was typed to \"" + o.corrected() + "\"");
                } else if (flag.equals("noFix") && (o.corrected() != null || o.didYouMean() != null)) {
                    problems.add("offered a fix: " + o.corrected() + " / " + o.didYouMean());
                } else if (flag.startsWith("corrected=") && !flag.substring(10).equals(o.corrected())) {
                    problems.add("expected to show results for \"" + flag.substring(10) + "\" but corrected=" + o.corrected());
                } else if (flag.startsWith("didYouMean=") && !flag.substring(11).equals(o.didYouMean())) {
                    problems.add("expected did-you-mean \"" + flag.substring(11) + "\" but was " + o.didYouMean());
                } else if (flag.equals("none") && !o.found().isEmpty()) {
                    problems.add("expected nothing");
                } else if (flag.equals("some") && o.found().isEmpty()) {
                    problems.add("expected something");
                }
            }
            if (!problems.isEmpty()) {
                failures.add("line " + row.line() + " " + row.kind() + " \"" + row.query() + "\": " + problems
                        + " (found " + o.found() + ")");
            }
        }
        assertThat(failures).as("labelled searches that went wrong").isEmpty();
    }

    @Test
    void anOutOfAreaPostcodeIsExplainedWithWhereToLookInstead() {
        assertThat(directory.outsideArea("SW1A 1AA")).contains("SW1A");
        assertThat(directory.outsideArea("sw1a")).contains("SW1A");
        assertThat(directory.outsideArea("BS5 6XX")).isEmpty();
        assertThat(directory.outsideArea("not a postcode")).isEmpty();
        assertThatThrownBy(() -> directory.count(new DirectoryFilter(null, null, null, "SW1A 1AA", null, null)))
                .isInstanceOf(InputProblem.class)
                .hasMessageContaining("SW1A is outside the area this directory covers")
                .hasMessageContaining("local council")
                .extracting("field").isEqualTo("postcode");
    }

    private Outcome run(Row row) {
        return switch (row.kind()) {
            case "guides" -> {
                var r = guides.search(row.query(), 20);
                yield new Outcome(r.hits().stream().map(Guides.SearchHit::key).toList(), r.corrected(), r.didYouMean());
            }
            case "jargon" -> {
                var r = guides.filterTerms(row.query());
                yield new Outcome(r.terms().stream().map(GlossaryTerm::term).toList(), r.corrected(), null);
            }
            case "services" -> {
                var filter = DirectoryFilter.text(row.query());
                var m = directory.matchText(row.query());
                int count = directory.count(filter);
                var found = directory.search(filter, 0, 100).stream().map(ServiceSummary::slug).toList();
                assertThat(found).hasSize(count);
                yield new Outcome(found, m.corrected(), m.didYouMean());
            }
            default -> throw new IllegalArgumentException(row.kind());
        };
    }

    private static List<Row> rows() throws IOException {
        try (var in = SearchQuerySetIT.class.getResourceAsStream("/search/query-set.tsv")) {
            var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            var rows = new ArrayList<Row>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new Row(i + 1, f[0], unescape(f[1]), list(f, 2), list(f, 3), list(f, 4)));
            }
            return rows;
        }
    }

    private static List<String> list(String[] f, int i) {
        return i >= f.length || f[i].isBlank() ? List.of()
                : Arrays.stream(f[i].split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code \\uXXXX} in the file stands for that character (right-to-left marks, line separators). */
    private static String unescape(String s) {
        var m = java.util.regex.Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(s);
        return m.replaceAll(r -> String.valueOf((char) Integer.parseInt(r.group(1), 16)));
    }
}
