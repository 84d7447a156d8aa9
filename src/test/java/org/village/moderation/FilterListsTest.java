package org.village.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.village.layout.SideLinks;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.context.ActiveProfiles;
import org.village.TestText;
import org.village.layout.NotAllowedView;
import org.village.shared.InputProblem;

/**
 * The lists behind the filters: people who moderate add, change and remove watched words, risk phrases and school
 * names; each change is in the audit log and used by the filters at once; a parent can neither call the service
 * nor open the page, and does not see it in the menu.
 */
@SpringBootTest(properties = {"village.db.embedded.folder=", "village.moderation.lists-check-every=1h"})
@ActiveProfiles("demo")
class FilterListsTest extends SpringBrowserlessTest {

    @Autowired
    FilterLists lists;
    @Autowired
    TextFilters filters;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.village.security.CurrentUser currentUser;

    /** The page's class is package-private to its ui package. */
    @SuppressWarnings("unchecked")
    private static Class<com.vaadin.flow.component.Component> view() {
        try {
            return (Class<com.vaadin.flow.component.Component>) Class.forName("org.village.moderation.ui.WatchedWordsView");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private int auditRows(String action, String target) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND target = ? AND actor LIKE 'worker:%'")
                .params(action, target).query(Integer.class).single();
    }

    @Test
    @WithUserDetails("worker.sam")
    void aWorkerAddsChangesAndRemovesAWatchedWordAndTheFiltersFollowAtOnce() {
        String word = "zorb" + TestText.letters(10);
        assertThat(filters.check("what a " + word, Writer.NOBODY).outcome()).isEqualTo(Verdict.Outcome.ALLOWED);

        var added = lists.addWatchedWord("  " + word.toUpperCase() + " ", WatchAction.HOLD, "ignored unless blocking");
        assertThat(added.reason()).isNull();
        assertThat(auditRows("moderation.word.added", "watched-word:" + added.id())).isEqualTo(1);
        assertThat(filters.check("what a " + word, Writer.NOBODY).outcome()).isEqualTo(Verdict.Outcome.HELD);
        assertThat(filters.check("what a " + word.replace('o', '0'), Writer.NOBODY).outcome()).isEqualTo(Verdict.Outcome.HELD);

        lists.changeWatchedWord(added.id(), WatchAction.BLOCK, "Please use kinder words.");
        assertThat(auditRows("moderation.word.changed", "watched-word:" + added.id())).isEqualTo(1);
        var blocked = filters.check("what a " + word, Writer.NOBODY);
        assertThat(blocked.outcome()).isEqualTo(Verdict.Outcome.BLOCKED);
        assertThat(blocked.blockedBy().orElseThrow().reason()).isEqualTo("Please use kinder words.");

        lists.removeWatchedWord(added.id());
        assertThat(auditRows("moderation.word.removed", "watched-word:" + added.id())).isEqualTo(1);
        assertThat(filters.check("what a " + word, Writer.NOBODY).outcome()).isEqualTo(Verdict.Outcome.ALLOWED);
        assertThat(lists.watchedWords()).extracting(FilterLists.WatchedWord::id).doesNotContain(added.id());
    }

    @Test
    @WithUserDetails("worker.sam")
    void riskPhrasesAndSchoolsAreKeptTheSameWay() {
        String place = "quarry" + TestText.letters(10);
        var risk = lists.addRiskPhrase("stuck at the " + place, RiskKind.DANGER_NOW);
        assertThat(auditRows("moderation.risk.added", "risk-phrase:" + risk.id())).isEqualTo(1);
        var urgent = filters.check("We're stuck at the " + place + " please help", Writer.NOBODY);
        assertThat(urgent.outcome()).isEqualTo(Verdict.Outcome.URGENT);
        assertThat(urgent.risk()).isEqualTo(RiskKind.DANGER_NOW);
        lists.changeRiskPhrase(risk.id(), RiskKind.THREAT);
        assertThat(filters.check("stuck at the " + place, Writer.NOBODY).risk()).isEqualTo(RiskKind.THREAT);
        lists.removeRiskPhrase(risk.id());
        assertThat(auditRows("moderation.risk.removed", "risk-phrase:" + risk.id())).isEqualTo(1);
        assertThat(filters.check("stuck at the " + place, Writer.NOBODY).outcome()).isEqualTo(Verdict.Outcome.ALLOWED);

        String school = "Brook" + TestText.letters(10) + " Community";
        var added = lists.addSchool(school);
        assertThat(auditRows("moderation.school.added", "school:" + added.id())).isEqualTo(1);
        assertThat(filters.check("he is at " + school.toLowerCase() + " now", Writer.NOBODY).has(FindingKind.SCHOOL)).isTrue();
        lists.removeSchool(added.id());
        assertThat(auditRows("moderation.school.removed", "school:" + added.id())).isEqualTo(1);
    }

    @Test
    @WithUserDetails("worker.sam")
    void badEntriesGetAKindMessageForTheirField() {
        assertThat(problem(() -> lists.addWatchedWord("   ", WatchAction.HOLD, null)).field()).isEqualTo("phrase");
        assertThat(problem(() -> lists.addWatchedWord("x".repeat(101), WatchAction.HOLD, null)).key())
                .isEqualTo("moderation.lists.phrase.long");
        assertThat(problem(() -> lists.addWatchedWord("***", WatchAction.HOLD, null)).key())
                .isEqualTo("moderation.lists.phrase.noLetters");
        assertThat(problem(() -> lists.addWatchedWord("w" + TestText.letters(10), WatchAction.BLOCK, " ")).field()).isEqualTo("reason");
        assertThat(problem(() -> lists.addWatchedWord("w" + TestText.letters(10), null, null)).field()).isEqualTo("action");
        assertThat(problem(() -> lists.addRiskPhrase("* is missing", RiskKind.CHILD_MISSING)).key())
                .isEqualTo("moderation.lists.phrase.star");
        assertThat(problem(() -> lists.addRiskPhrase("r" + TestText.letters(10), null)).field()).isEqualTo("risk-kind");
        // the seeded "scam", typed another way, is the same word
        var duplicate = problem(() -> lists.addWatchedWord("ЅСАМ", WatchAction.FLAG, null));
        assertThat(duplicate.key()).isEqualTo("moderation.lists.duplicate");
        assertThat(duplicate.getMessage()).startsWith("This is on the list already");
        assertThat(problem(() -> lists.removeWatchedWord(-1)).key()).isEqualTo("moderation.lists.gone");
    }

    @Test
    @WithUserDetails("worker.sam")
    void twoWorkersAddingTheSameWordAtOnceMakeOneRow() throws Exception {
        String word = "dupe" + TestText.letters(10);
        var context = SecurityContextHolder.getContext();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var tasks = new ArrayList<Callable<Boolean>>();
            for (int i = 0; i < 4; i++) {
                String spelling = i % 2 == 0 ? word : word.toUpperCase();
                tasks.add(() -> {
                    SecurityContextHolder.setContext(context);
                    try {
                        lists.addWatchedWord(spelling, WatchAction.FLAG, null);
                        return true;
                    } catch (InputProblem p) {
                        return false;
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                });
            }
            long won = pool.invokeAll(tasks).stream().filter(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).count();
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM moderation_watched_word WHERE normalised = ?").param(word)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("parent.a")
    void aParentCannotChangeOrReadTheLists() {
        assertThatThrownBy(() -> lists.watchedWords()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.addWatchedWord("p" + TestText.letters(10), WatchAction.HOLD, null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.removeWatchedWord(1)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.addRiskPhrase("p" + TestText.letters(10), RiskKind.THREAT)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> lists.removeSchool(1)).isInstanceOf(AccessDeniedException.class);
        // the filters themselves run for everyone who posts
        assertThat(filters.check("hello", Writer.NOBODY).outcome()).isEqualTo(Verdict.Outcome.ALLOWED);
    }

    @Test
    @WithUserDetails("parent.a")
    void aParentDoesNotSeeThePageInTheMenuAndCannotOpenIt() {
        UI.getCurrent().navigate("");
        assertThat(menu()).doesNotContain("Watched words");
        navigate("moderation/watched-words", NotAllowedView.class);
        assertThat(UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst().getElement().getTextRecursively())
                .doesNotContain("scam", "Riverside Primary");
    }

    @Test
    @WithUserDetails("parent.a")
    void aParentsOwnChildrensNamesAreHeldInTheirPosts() {
        var me = currentUser.require();
        var verdict = filters.check("Jay was late home again", Writer.of(me));
        assertThat(verdict.has(FindingKind.FULL_NAME)).isTrue();
        assertThat(filters.check("Jay was late home again", Writer.NOBODY).has(FindingKind.FULL_NAME)).isFalse();
    }

    @Test
    @WithUserDetails("peer.jo")
    void aPeerSupporterUsesThePageToAddAWord() {
        UI.getCurrent().navigate("");
        assertThat(menu()).contains("Watched words");
        navigate("moderation/watched-words", view());
        String word = "plink" + TestText.letters(10);
        $(TextField.class).id("watched-phrase").setValue(word);
        @SuppressWarnings("unchecked")
        var action = (com.vaadin.flow.component.select.Select<WatchAction>) $(com.vaadin.flow.component.select.Select.class)
                .id("watched-action");
        action.setValue(WatchAction.MASK);
        test($(Button.class).id("watched-add")).click();
        assertThat(lists.watchedWords()).anySatisfy(w -> {
            assertThat(w.phrase()).isEqualTo(word);
            assertThat(w.action()).isEqualTo(WatchAction.MASK);
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'moderation.word.added' AND detail LIKE ?"
                        + " AND actor LIKE 'peer_supporter:%'").param(word + "%").query(Integer.class).single()).isEqualTo(1);

        // a block without a reason: the message is by the reason field, and the word is still typed
        String other = "plonk" + TestText.letters(10);
        $(TextField.class).id("watched-phrase").setValue(other);
        action.setValue(WatchAction.BLOCK);
        test($(Button.class).id("watched-add")).click();
        var reason = $(TextField.class).id("watched-reason");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).startsWith("Please write the reason");
        assertThat($(TextField.class).id("watched-phrase").getValue()).isEqualTo(other);
    }

    private List<String> menu() {
        return $(SideLinks.class).single().labels();
    }

    private static InputProblem problem(Runnable r) {
        return catchThrowableOfType(InputProblem.class, r::run);
    }
}
