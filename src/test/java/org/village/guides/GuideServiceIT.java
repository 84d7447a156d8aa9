package org.village.guides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.village.IntegrationTest;
import org.village.TestUsers;
import org.village.content.PlainLanguageCheck;
import org.village.guides.Guides.GuideEdit;
import org.village.guides.Guides.HitKind;
import org.village.shared.AuditLog;
import org.village.shared.InputProblem;

class GuideServiceIT extends IntegrationTest {

    @Autowired
    GuideService guides;

    @Autowired
    AuditLog audit;

    @Autowired
    TestUsers users;

    @AfterEach
    void signOut() {
        users.anonymous();
    }

    private static GuideEdit edit(String slug, String body) {
        return new GuideEdit(slug, "looking-after-yourself", "guide", "Taking a break", "How to rest when things are hard.",
                body, List.of("looking-after-yourself"), LocalDate.of(2026, 11, 1));
    }

    private static String slug() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void seededPathwaysArePublishedWithStepsAndExplainedJargon() {
        var page = guides.page("child-missing").orElseThrow();
        assertThat(page.isPathway()).isTrue();
        assertThat(page.sample()).isTrue();
        assertThat(page.html()).contains("<ol class=\"steps\">").contains("popovertarget=");
        assertThat(page.related()).extracting(Guides.GuideSummary::slug).contains("return-home-interview");
        assertThat(guides.pathways()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(guides.glossary()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void everySeededGuidePassesItsOwnReadingGradeCheck() {
        for (var category : guides.categories()) {
            for (var summary : guides.guidesIn(category.code())) {
                users.as("worker.sam");
                long id = guides.editorRows(summary.slug(), 0, 1).getFirst().id();
                var body = guides.draft(id).orElseThrow().edit().body();
                assertThat(guides.check(body).grade()).as(summary.slug()).isLessThanOrEqualTo(PlainLanguageCheck.MAX_GRADE);
                assertThat(guides.check(body).blamingPhrases()).as(summary.slug()).isEmpty();
            }
        }
    }

    @Test
    void unknownGuidesAreEmptyNotErrors() {
        assertThat(guides.page("no-such-guide")).isEmpty();
    }

    @Test
    void aParentOrVisitorCannotEditGuides() {
        users.as("parent.a");
        assertThatThrownBy(() -> guides.create(edit(slug(), "Hello."))).isInstanceOf(AccessDeniedException.class);
        users.anonymous();
        assertThatThrownBy(() -> guides.editorRows("", 0, 10)).isInstanceOfAny(AccessDeniedException.class,
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void aWorkerCannotChangeTheBlamingPhrasesButAnAdminCan() {
        users.as("worker.sam");
        assertThatThrownBy(() -> guides.setBlamingPhrases(List.of("anything"))).isInstanceOf(AuthorizationDeniedException.class);
        users.as("admin");
        var phrases = new ArrayList<>(guides.blamingPhrases());
        phrases.add("Asking For It");
        guides.setBlamingPhrases(phrases);
        assertThat(guides.blamingPhrases()).contains("asking for it", "prostitute");
        assertThat(guides.check("They said she was asking for it.").blamingPhrases()).containsExactly("asking for it");
    }

    @Test
    void publishingShowsTheGuideAndKeepsRevisionsThatCanBeRestored() {
        users.as("worker.sam");
        String slug = slug();
        long id = guides.create(edit(slug, "Rest when you can. Ask a friend to help."));
        long v = guides.publish(id, 0, false);
        assertThat(guides.page(slug)).get().extracting(Guides.GuidePage::html).asString().contains("Rest when you can");
        users.as("admin");
        assertThat(audit.search(new AuditLog.Filter("guide.published", "guide:" + id, null, null), 0, 5)).hasSize(1);
        users.as("worker.sam");

        v = guides.saveDraft(id, v, edit(slug, "A new draft that parents do not see yet."));
        assertThat(guides.page(slug).orElseThrow().html()).contains("Rest when you can").doesNotContain("new draft");
        assertThat(guides.draft(id).orElseThrow().changedSincePublished()).isTrue();

        var first = guides.revisions(id).getLast();
        assertThat(first.number()).isEqualTo(1);
        v = guides.restore(id, v, first.id());
        assertThat(guides.draft(id).orElseThrow().edit().body()).isEqualTo("Rest when you can. Ask a friend to help.");
        assertThat(guides.revisions(id)).first().extracting(Guides.Revision::note).isEqualTo("Restored revision 1");

        guides.unpublish(id, v);
        assertThat(guides.page(slug)).isEmpty();
    }

    @Test
    void twoWorkersSavingTheSameVersionDoNotOverwriteEachOther() {
        users.as("worker.sam");
        String slug = slug();
        long id = guides.create(edit(slug, "First text."));
        guides.saveDraft(id, 0, edit(slug, "Sam's change."));
        assertThatThrownBy(() -> guides.saveDraft(id, 0, edit(slug, "Alex's change.")))
                .isInstanceOf(InputProblem.class).hasMessageContaining("Someone else saved this guide")
                .hasMessageContaining("Your text is still here");
        assertThat(guides.draft(id).orElseThrow().edit().body()).isEqualTo("Sam's change.");
    }

    @Test
    void slugsAreUnique() {
        users.as("worker.sam");
        String slug = slug();
        guides.create(edit(slug, "One."));
        assertThatThrownBy(() -> guides.create(edit(slug, "Two."))).isInstanceOf(InputProblem.class)
                .extracting(e -> ((InputProblem) e).field()).isEqualTo("slug");
    }

    @Test
    void emptyAndHugeBodiesGetAClearMessage() {
        users.as("worker.sam");
        assertThatThrownBy(() -> guides.create(edit(slug(), "  "))).isInstanceOf(InputProblem.class)
                .hasMessage("Write something in the guide before saving.");
        assertThatThrownBy(() -> guides.create(edit(slug(), "word ".repeat(12_000)))).isInstanceOf(InputProblem.class)
                .hasMessageContaining("The most is 50000");
    }

    @Test
    void publishingWithPlainLanguageProblemsNeedsAConfirm() {
        users.as("worker.sam");
        String slug = slug();
        long id = guides.create(edit(slug, "She kept putting themselves at risk."));
        assertThatThrownBy(() -> guides.publish(id, 0, false)).isInstanceOf(InputProblem.class)
                .hasMessageContaining("Publish anyway");
        assertThat(guides.page(slug)).isEmpty();
        guides.publish(id, 0, true);
        assertThat(guides.page(slug)).isPresent();
    }

    @Test
    void searchForgivesMisspellingsAndShowsTheMatchingText() {
        var result = guides.search("exlcuded from scool", 10);
        assertThat(result.corrected()).isEqualTo("excluded from school");
        assertThat(result.hits()).extracting(Guides.SearchHit::key).contains("excluded-from-school");
        var hit = result.hits().stream().filter(h -> h.key().equals("excluded-from-school")).findFirst().orElseThrow();
        assertThat(hit.snippet().match().toLowerCase()).startsWith("exclu");

        var term = guides.search("cuckooing", 10);
        assertThat(term.hits().getFirst().kind()).isEqualTo(HitKind.TERM);
        assertThat(guides.search("stratergy meeting", 10).hits()).extracting(Guides.SearchHit::key)
                .contains("strategy-meeting");
    }

    @Test
    void aNewJargonTermIsExplainedInGuidesAndTwoEditsOfOneVersionDoNotOverwrite() {
        users.as("worker.sam");
        long id = guides.saveTerm(null, 0, new Guides.GlossaryEdit("Lighthouse panel", "A sample meeting.", "", List.of()));
        String slug = slug();
        long guide = guides.create(edit(slug, "The Lighthouse panel meets on Monday."));
        guides.publish(guide, 0, false);
        assertThat(guides.page(slug).orElseThrow().html()).contains(">Lighthouse panel</button>");
        guides.saveTerm(id, 0, new Guides.GlossaryEdit("Lighthouse panel", "A sample meeting of workers.", "", List.of()));
        assertThatThrownBy(() -> guides.saveTerm(id, 0, new Guides.GlossaryEdit("Lighthouse panel", "Other.", "", List.of())))
                .isInstanceOf(InputProblem.class).hasMessageContaining("Someone else changed this term");
        assertThatThrownBy(() -> guides.saveTerm(null, 0, new Guides.GlossaryEdit("lighthouse PANEL", "Again.", "", List.of())))
                .isInstanceOf(InputProblem.class).hasMessage("This term is already in the jargon buster.");
        users.as("parent.a");
        assertThatThrownBy(() -> guides.saveTerm(null, 0, new Guides.GlossaryEdit("X", "Y.", "", List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReaderCanSwitchAGuideToAPublishedTranslation() {
        var english = guides.page("who-sees-what").orElseThrow();
        assertThat(english.languages()).containsExactly("en", "pl");
        var polish = guides.page("who-sees-what", "pl").orElseThrow();
        assertThat(polish.language()).isEqualTo("pl");
        assertThat(polish.title()).isEqualTo("Kto co widzi w Village");
        assertThat(polish.html()).contains("W skrócie").doesNotContain("popovertarget");
        // no such translation: the English guide, saying so
        assertThat(guides.page("child-missing", "ur").orElseThrow().language()).isEqualTo("en");

        users.as("worker.sam");
        String slug = slug();
        long id = guides.create(edit(slug, "Rest when you can."));
        guides.publish(id, 0, false);
        long v = guides.saveTranslation(new Guides.Translation(id, "ur", "آرام", "خلاصہ", "جب ہو سکے آرام کریں۔", false, 0));
        assertThat(guides.page(slug, "ur").orElseThrow().language()).isEqualTo("en"); // a draft is not shown
        guides.saveTranslation(new Guides.Translation(id, "ur", "آرام", "خلاصہ", "جب ہو سکے آرام کریں۔", true, v));
        assertThat(guides.page(slug, "ur").orElseThrow().title()).isEqualTo("آرام");
        assertThatThrownBy(() -> guides.saveTranslation(new Guides.Translation(id, "ur", "x", "y", "z", true, v)))
                .isInstanceOf(InputProblem.class).hasMessageContaining("Someone else saved this translation");
    }
}
