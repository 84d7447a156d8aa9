package org.village.forum.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.village.forum.PostStatus;
import org.village.moderation.CaseKind;
import org.village.moderation.Finding;
import org.village.moderation.FindingKind;
import org.village.moderation.RiskKind;
import org.village.moderation.Verdict;
import org.village.shared.InputProblem;

/** How the filters' verdict becomes a post's status and a case for moderators (decision 079). */
class FilterScreenTest {

    private static Verdict clean(String text) {
        return Verdict.of(text, null, List.of());
    }

    private static Verdict found(String text, FindingKind kind, int start, int end) {
        return Verdict.of(text, null, List.of(Finding.of(kind, start, end)));
    }

    @Test
    void nothingFoundIsPublishedAsWrittenWithNoCase() {
        var v = FilterScreen.decide(null, clean("Court is on Tuesday."), false);
        assertThat(v.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(v.body()).isEqualTo("Court is on Tuesday.");
        assertThat(v.raise()).isNull();
        assertThat(v.title()).isNull();
    }

    @Test
    void aMaskedWordIsPublishedMaskedWithNoCase() {
        var masked = Verdict.of("what a damn day", "what a *** day", List.of(Finding.of(FindingKind.WATCHED_MASK, 7, 11)));
        var v = FilterScreen.decide(clean("Long day"), masked, false);
        assertThat(v.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(v.body()).isEqualTo("what a *** day");
        assertThat(v.title()).isEqualTo("Long day");
        assertThat(v.raise()).isNull();
    }

    @Test
    void aFlaggedPostIsPublishedAndAModeratorLooksAfterwards() {
        var v = FilterScreen.decide(null, found("something flagged", FindingKind.WATCHED_FLAG, 0, 9), false);
        assertThat(v.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(v.raise().kind()).isEqualTo(CaseKind.REPORTED);
        assertThat(v.raise().reason()).startsWith("flagged: watched flag");
    }

    @Test
    void aPhoneNumberHoldsThePostWithAHeldCaseAndAHintForTheWriter() {
        String text = "Ring me on 07700 900123";
        var v = FilterScreen.decide(null, found(text, FindingKind.PHONE, 11, 23), false);
        assertThat(v.status()).isEqualTo(PostStatus.HELD);
        assertThat(v.body()).isEqualTo(text);
        assertThat(v.raise().kind()).isEqualTo(CaseKind.HELD);
        assertThat(v.raise().reason()).isEqualTo("held: phone").doesNotContain("07700");
        assertThat(v.filters().hints(Locale.ENGLISH)).singleElement().asString().contains("phone numbers");
    }

    @Test
    void personalDetailsInTheTitleHoldTheTopicToo() {
        var v = FilterScreen.decide(found("Email jo@example.com", FindingKind.EMAIL, 6, 20), clean("Hello"), false);
        assertThat(v.status()).isEqualTo(PostStatus.HELD);
        assertThat(v.raise().kind()).isEqualTo(CaseKind.HELD);
        assertThat(v.raise().reason()).isEqualTo("held: email");
    }

    @Test
    void aRiskPhraseIsHeldAsAnUrgentCaseWithItsKind() {
        var risk = Verdict.of("he has gone missing", null, List.of(new Finding(FindingKind.RISK, 7, 19, RiskKind.CHILD_MISSING, null)));
        var v = FilterScreen.decide(null, risk, false);
        assertThat(v.status()).isEqualTo(PostStatus.HELD);
        assertThat(v.raise().kind()).isEqualTo(CaseKind.URGENT);
        assertThat(v.raise().risk()).isEqualTo(RiskKind.CHILD_MISSING);
        assertThat(v.raise().reason()).isEqualTo("urgent: risk (child missing)");
        assertThat(v.filters().urgent()).isTrue();
    }

    @Test
    void aRiskIsNeverLostBehindABlockedWord() {
        var both = Verdict.of("xx I want to die", null, List.of(new Finding(FindingKind.WATCHED_BLOCK, 0, 2, null, "Spam"),
                new Finding(FindingKind.RISK, 5, 16, RiskKind.SELF_HARM, null)));
        var v = FilterScreen.decide(null, both, false);
        assertThat(v.status()).isEqualTo(PostStatus.HELD);
        assertThat(v.raise().kind()).isEqualTo(CaseKind.URGENT);
    }

    @Test
    void aBlockedWordIsRefusedWithTheWorkersReasonOnTheRightField() {
        var blocked = Verdict.of("buy now", null, List.of(new Finding(FindingKind.WATCHED_BLOCK, 0, 3, null, "No selling here.")));
        assertThatThrownBy(() -> FilterScreen.decide(null, blocked, false)).isInstanceOfSatisfying(InputProblem.class, p -> {
            assertThat(p.field()).isEqualTo("body");
            assertThat(p.message(Locale.ENGLISH)).contains("No selling here.").contains("kept");
        });
        assertThatThrownBy(() -> FilterScreen.decide(blocked, clean("fine"), false))
                .isInstanceOfSatisfying(InputProblem.class, p -> assertThat(p.field()).isEqualTo("title"));
    }

    @Test
    void moderatorsAreMaskedAndBlockedButNotHeld() {
        var phone = FilterScreen.decide(null, found("Call the team on 0117 903 6400", FindingKind.PHONE, 17, 30), true);
        assertThat(phone.status()).isEqualTo(PostStatus.PUBLISHED);
        assertThat(phone.raise()).isNull();
        var blocked = Verdict.of("buy now", null, List.of(new Finding(FindingKind.WATCHED_BLOCK, 0, 3, null, "No selling.")));
        assertThatThrownBy(() -> FilterScreen.decide(null, blocked, true)).isInstanceOf(InputProblem.class);
    }
}
