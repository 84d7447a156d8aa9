package org.village.moderation.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.village.moderation.RiskKind;
import org.village.moderation.WatchAction;

/** The lists as the migrations seed them (V19, V20), read from the SQL, so unit tests check what a new portal ships. */
public final class SeededLists {

    private static final Pattern WATCHED = Pattern.compile(
            "\\('((?:[^']|'')*)', '((?:[^']|'')*)', '(BLOCK|HOLD|FLAG|MASK)', (NULL|'((?:[^']|'')*)'), CURRENT_TIMESTAMP");
    private static final Pattern RISK = Pattern.compile(
            "\\('((?:[^']|'')*)', '((?:[^']|'')*)', '(DANGER_NOW|CHILD_MISSING|SELF_HARM|THREAT)', CURRENT_TIMESTAMP");
    private static final Pattern SCHOOL = Pattern.compile("\\('((?:[^']|'')*)', '((?:[^']|'')*)', CURRENT_TIMESTAMP");

    public record Row(String phrase, String normalised, String kind, String reason) {
    }

    private SeededLists() {
    }

    public static List<Row> watched() {
        var rows = new ArrayList<Row>();
        var m = WATCHED.matcher(sql("V19__moderation_watched_words.sql"));
        while (m.find()) {
            rows.add(new Row(un(m.group(1)), un(m.group(2)), m.group(3), m.group(5) == null ? null : un(m.group(5))));
        }
        return rows;
    }

    public static List<Row> risks() {
        var rows = new ArrayList<Row>();
        var m = RISK.matcher(sql("V19__moderation_watched_words.sql"));
        while (m.find()) {
            rows.add(new Row(un(m.group(1)), un(m.group(2)), m.group(3), null));
        }
        return rows;
    }

    public static List<Row> schools() {
        var rows = new ArrayList<Row>();
        var m = SCHOOL.matcher(sql("V20__moderation_schools.sql"));
        while (m.find()) {
            rows.add(new Row(un(m.group(1)), un(m.group(2)), null, null));
        }
        return rows;
    }

    /** A filter engine over the seeded lists. */
    public static FilterEngine engine() {
        return new FilterEngine(
                watched().stream().map(r -> new FilterEngine.Watched(Tokens.normalise(r.phrase()), WatchAction.valueOf(r.kind()), r.reason())).toList(),
                risks().stream().map(r -> new FilterEngine.Risk(Tokens.normalise(r.phrase()), RiskKind.valueOf(r.kind()))).toList(),
                schools().stream().map(Row::phrase).toList());
    }

    private static String un(String s) {
        return s.replace("''", "'");
    }

    private static String sql(String file) {
        try {
            return Files.readString(Path.of("db/migration", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
