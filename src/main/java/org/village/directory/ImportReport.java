package org.village.directory;

import java.util.List;
import java.util.Locale;
import org.village.shared.InputProblem;
import org.village.shared.Texts;

/**
 * What an Open Referral UK import would do (preview) or did (applied): one line per record. When any record
 * failed, nothing is imported and {@code applied} is false.
 */
public record ImportReport(List<Line> lines, boolean applied) {

    public enum Change { NEW, CHANGED, UNCHANGED, FAILED }

    /**
     * {@code record} is the record's position (1 = first) and name; {@code detail} what changes or why it failed,
     * in English; {@code problem} why it failed (null otherwise) and {@code changed} the fields that change, so the
     * admin's page can say both in the reader's language ({@link #detail(Locale)}).
     */
    public record Line(int record, String name, Change change, String detail, InputProblem problem,
                       List<String> changed) {

        public Line {
            changed = changed == null ? List.of() : List.copyOf(changed);
        }

        public Line(int record, String name, Change change, String detail) {
            this(record, name, change, detail, null, List.of());
        }

        static Line failed(int record, String name, InputProblem problem) {
            return new Line(record, name, Change.FAILED, problem.getMessage(), problem, List.of());
        }

        static Line planned(int record, String name, Change change, List<String> changed) {
            var line = new Line(record, name, change, null, null, changed);
            return new Line(record, name, change, line.detail(Locale.ENGLISH), null, changed);
        }

        /** {@link #detail()} in the reader's language. */
        public String detail(Locale locale) {
            if (problem != null) {
                return problem.message(locale);
            }
            return switch (change) {
                case NEW -> Texts.text(locale, "directory.import.line.new");
                case UNCHANGED -> Texts.text(locale, "directory.import.line.same");
                case CHANGED -> Texts.text(locale, "directory.import.line.changes", String.join(", ", changed));
                case FAILED -> detail;
            };
        }
    }

    public long count(Change change) {
        return lines.stream().filter(l -> l.change() == change).count();
    }

    public boolean hasFailures() {
        return count(Change.FAILED) > 0;
    }
}
