package org.village.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.village.shared.InputProblem;

/**
 * The directory's words come from the bundles (decision 065): every {@code directory.*} key its code names exists,
 * also the ones it builds from a status or a kind of change, and a keyed problem reads the same English as before
 * while a Polish reader gets Polish.
 */
class DirectoryKeysTest {

    private static Properties bundle(String name) throws IOException {
        var p = new Properties();
        try (var in = DirectoryKeysTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyTheDirectoryNamesIsInTheBundles() throws IOException {
        var english = bundle("translations.properties");
        var polish = bundle("translations_pl.properties");
        // a key literal: "directory." then words, not ending in a dot (those are prefixes completed below)
        var key = Pattern.compile("\"(directory\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");
        var audit = Pattern.compile("audit\\.record\\([^;]*");
        var used = new TreeSet<String>();
        try (Stream<Path> walk = Files.walk(Path.of("src/main/java/org/village/directory"))) {
            for (Path f : walk.filter(p -> p.toString().endsWith(".java") && !p.toString().contains("/api/")).toList()) {
                // audit action names ("directory.imported") are not words anyone reads
                var code = audit.matcher(Files.readString(f)).replaceAll("");
                var m = key.matcher(code);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (var status : TeamMember.Status.values()) {
            used.add("directory.status." + status.name().toLowerCase(Locale.ROOT));
        }
        for (var change : ImportReport.Change.values()) {
            used.add("directory.admin.import.change." + change.name().toLowerCase(Locale.ROOT));
        }
        assertThat(used).as("the scan found the keys in use").contains("directory.find.title",
                "directory.problem.postcode", "directory.problem.feed.private", "directory.team.title");
        assertThat(english.stringPropertyNames()).as("directory keys missing from the bundles").containsAll(used);
        assertThat(polish.stringPropertyNames()).containsAll(used);
    }

    @Test
    void aKeyedProblemKeepsItsEnglishAndReadsPolishToAPolishReader() {
        var problem = InputProblem.keyed("service", "directory.problem.alreadyOnTeam", "Brook", "Jay");
        assertThat(problem.getMessage()).isEqualTo("Brook is already on Jay's team. Open it to change it instead.");
        assertThat(problem.message(Locale.forLanguageTag("pl"))).startsWith("Brook jest już w zespole")
                .doesNotContain("already");
        assertThatPostcodeProblem();
    }

    private static void assertThatPostcodeProblem() {
        try {
            Postcodes.district("postcode", "not a postcode");
        } catch (InputProblem p) {
            assertThat(p.getMessage()).isEqualTo("That does not look like a postcode. Try the first part, like BS5, "
                    + "or all of it, like BS5 6XX.");
            assertThat(p.message(Locale.forLanguageTag("pl"))).startsWith("To nie wygląda na kod pocztowy");
            return;
        }
        throw new AssertionError("a bad postcode must be refused");
    }

    @Test
    void aTeamTimelineLineReadsAsBeforeInEnglishAndInPolishToAPolishReader() {
        var stored = TimelineText.of(TimelineText.part("joined", "Brook", TimelineText.status(TeamMember.Status.WAITING)),
                TimelineText.part("worker", "Kim, YOS officer"), TimelineText.part("lead"));
        var event = new TeamEvent(java.time.Instant.EPOCH, stored);
        assertThat(event.text()).isEqualTo("Brook joined the team: waiting to start. Named worker: Kim, YOS officer. "
                + "They are now the lead professional.");
        assertThat(event.text(Locale.forLanguageTag("pl"))).isEqualTo("Do zespołu dołączyła usługa Brook: czeka na "
                + "rozpoczęcie. Pracownik: Kim, YOS officer. To teraz główna osoba prowadząca.");
        var mistake = new TeamEvent(java.time.Instant.EPOCH, TimelineText.of(TimelineText.part("mistake", "O'Brien's", "Jay")));
        assertThat(mistake.text()).isEqualTo("O'Brien's was put on Jay's team by mistake, so we have taken it off. "
                + "They are not working with Jay.");
        // lines written before keys (plain English) stay as they are; a keyed line too long for the column is English
        assertThat(new TeamEvent(java.time.Instant.EPOCH, "CAMHS joined the team: referred.").text(Locale.forLanguageTag("pl")))
                .isEqualTo("CAMHS joined the team: referred.");
        String longStored = TimelineText.of(TimelineText.part("next", "A".repeat(120), "b".repeat(200)));
        assertThat(longStored).startsWith("AAA").endsWith("b."); // the English sentence, cut to the column by the store as before
    }

    @Test
    void anImportLineSaysWhatChangesInTheReadersLanguage() {
        var line = ImportReport.Line.planned(1, "Brook", ImportReport.Change.CHANGED, java.util.List.of("phone", "cost"));
        assertThat(line.detail()).isEqualTo("changes: phone, cost");
        assertThat(line.detail(Locale.forLanguageTag("pl"))).isEqualTo("zmiany: phone, cost");
        var failed = ImportReport.Line.failed(2, "X", InputProblem.keyed("id", "directory.problem.import.idTwice"));
        assertThat(failed.detail()).isEqualTo("This id appears twice in the file.");
        assertThat(failed.detail(Locale.forLanguageTag("pl"))).isEqualTo("Ten identyfikator występuje w pliku dwa razy.");
    }
}
