package org.village.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainLanguageCheckTest {

    private static final List<String> PHRASES = List.of("putting themselves at risk", "prostitute", "lifestyle choice");

    @Test
    void aPlainKindTextPasses() {
        var report = PlainLanguageCheck.check("## What happens\n\nThe MASH team looks at your worry. They tell you what they decide.",
                List.of("MASH"), PHRASES);
        assertThat(report.passes()).isTrue();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void blamingPhrasesAreFoundInAnyCase() {
        var report = PlainLanguageCheck.check("She was Putting Themselves At Risk by going out.", List.of(), PHRASES);
        assertThat(report.blamingPhrases()).containsExactly("putting themselves at risk");
        assertThat(report.problems()).anyMatch(p -> p.contains("can blame a child or a parent"));
        assertThat(report.passes()).isFalse();
    }

    @Test
    void acronymsNotInTheGlossaryAreFlagged() {
        var report = PlainLanguageCheck.check("Ask the MASH and the LADO. Watch TV in the UK.", List.of("MASH"), PHRASES);
        assertThat(report.unknownAcronyms()).containsExactly("LADO");
    }

    @Test
    void longSentencesAndHardWordsAreFlagged() {
        String hard = "Comprehensive multidisciplinary safeguarding arrangements necessitate considerable "
                + "interorganisational communication regarding individualised vulnerabilities, "
                + "notwithstanding organisational complexities, jurisdictional responsibilities and "
                + "administrative considerations affecting families everywhere across the whole country today and tomorrow.";
        var report = PlainLanguageCheck.check(hard, List.of(), PHRASES);
        assertThat(report.longSentences()).hasSize(1);
        assertThat(report.grade()).isGreaterThan(PlainLanguageCheck.MAX_GRADE);
        assertThat(report.problems()).anyMatch(p -> p.startsWith("Reading grade is"));
    }

    @Test
    void phrasesThatBlameAParentAreFlaggedEvenWhenTheAdminListLacksThem() {
        for (String text : List.of("It is your fault.", "You should have known where she was.",
                "This comes from bad parenting.", "He is putting themselves at risk.", "She was a prostitute.",
                "It was a lifestyle choice.", "It is all YOUR FAULT!", "You shouldn’t have let him go.")) {
            var report = PlainLanguageCheck.check(text, List.of(), PHRASES);
            assertThat(report.blamingPhrases()).as(text).isNotEmpty();
            assertThat(report.passes()).as(text).isFalse();
        }
    }

    @Test
    void kindWordsThatSayItIsNotTheirFaultPass() {
        for (String text : List.of("It is not your fault.", "It isn't your fault, and it is not your child's fault.",
                "This was never your fault.", "Children are never to blame.", "You should have a copy of the plan.",
                "You should have been told what happens next.")) {
            assertThat(PlainLanguageCheck.check(text, List.of(), PHRASES).blamingPhrases()).as(text).isEmpty();
        }
    }

    /** The seeded jargon buster, help lines and services (the guides are checked in GuideServiceIT) blame nobody. */
    @Test
    void theSeededJargonBusterHelpLinesAndServicesBlameNobody() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        for (String file : List.of("db/seed/glossary.json", "db/seed/contacts.json", "db/seed/services.json")) {
            try (var in = new org.springframework.core.io.ClassPathResource(file).getInputStream()) {
                var texts = new java.util.ArrayList<String>();
                collect(json.readTree(in), texts);
                assertThat(texts).as(file).hasSizeGreaterThan(10);
                for (String text : texts) {
                    assertThat(PlainLanguageCheck.check(text, List.of(), PHRASES).blamingPhrases()).as(file + ": " + text)
                            .isEmpty();
                }
            }
        }
    }

    private static void collect(tools.jackson.databind.JsonNode node, List<String> into) {
        if (node.isString()) {
            into.add(node.asString());
        } else {
            node.forEach(child -> collect(child, into));
        }
    }
}
