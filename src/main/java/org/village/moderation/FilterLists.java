package org.village.moderation;

import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.village.moderation.internal.ListStore;
import org.village.moderation.internal.Tokens;
import org.village.security.CurrentUser;
import org.village.shared.AuditLog;
import org.village.shared.Capability;
import org.village.shared.InputProblem;

/**
 * The lists the filters use, kept by people who moderate (capability {@link Capability#MODERATE}): watched words with
 * their action, risk phrases by kind, and the partnership's school names. Checked here whatever the page allows;
 * every change goes into the audit log, and the filters use it straight away on this node and within seconds on the
 * others.
 */
@Service
@PreAuthorize(Capability.HAS_MODERATE)
public class FilterLists {

    public static final int MAX_PHRASE = 100;
    public static final int MAX_REASON = 200;
    public static final int MAX_SCHOOL = 120;

    public record WatchedWord(long id, String phrase, WatchAction action, String reason) {
    }

    public record RiskPhrase(long id, String phrase, RiskKind kind) {
    }

    public record School(long id, String name) {
    }

    private final ListStore store;
    private final TextFilters filters;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    FilterLists(ListStore store, TextFilters filters, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.store = store;
        this.filters = filters;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<WatchedWord> watchedWords() {
        return store.watched().stream().map(w -> new WatchedWord(w.id(), w.phrase(), w.action(), w.reason())).toList();
    }

    @Transactional(readOnly = true)
    public List<RiskPhrase> riskPhrases() {
        return store.risks().stream().map(r -> new RiskPhrase(r.id(), r.phrase(), r.kind())).toList();
    }

    @Transactional(readOnly = true)
    public List<School> schools() {
        return store.schools().stream().map(s -> new School(s.id(), s.name())).toList();
    }

    @Transactional
    public WatchedWord addWatchedWord(String phrase, WatchAction action, String reason) {
        String p = phrase(phrase, "phrase", MAX_PHRASE);
        String normalised = normalised(p, "phrase");
        String r = reason(action, reason);
        long id = store.addWatched(p, normalised, action, r, clock.instant());
        if (id < 0) {
            throw InputProblem.keyed("phrase", "moderation.lists.duplicate");
        }
        changed("moderation.word.added", "watched-word:" + id, p + " (" + action + ")");
        return new WatchedWord(id, p, action, r);
    }

    @Transactional
    public void changeWatchedWord(long id, WatchAction action, String reason) {
        String r = reason(action, reason);
        String phrase = store.watchedPhrase(id);
        if (phrase == null || !store.changeWatched(id, action, r, clock.instant())) {
            throw InputProblem.keyed(null, "moderation.lists.gone");
        }
        changed("moderation.word.changed", "watched-word:" + id, phrase + " (" + action + ")");
    }

    @Transactional
    public void removeWatchedWord(long id) {
        String phrase = store.removeWatched(id);
        if (phrase == null) {
            throw InputProblem.keyed(null, "moderation.lists.gone");
        }
        changed("moderation.word.removed", "watched-word:" + id, phrase);
    }

    @Transactional
    public RiskPhrase addRiskPhrase(String phrase, RiskKind kind) {
        String p = phrase(phrase, "risk-phrase", MAX_PHRASE);
        String normalised = normalised(p, "risk-phrase");
        if (kind == null) {
            throw InputProblem.keyed("risk-kind", "moderation.lists.kind.needed");
        }
        long id = store.addRisk(p, normalised, kind, clock.instant());
        if (id < 0) {
            throw InputProblem.keyed("risk-phrase", "moderation.lists.duplicate");
        }
        changed("moderation.risk.added", "risk-phrase:" + id, p + " (" + kind + ")");
        return new RiskPhrase(id, p, kind);
    }

    @Transactional
    public void changeRiskPhrase(long id, RiskKind kind) {
        if (kind == null) {
            throw InputProblem.keyed("risk-kind", "moderation.lists.kind.needed");
        }
        String phrase = store.riskPhrase(id);
        if (phrase == null || !store.changeRisk(id, kind, clock.instant())) {
            throw InputProblem.keyed(null, "moderation.lists.gone");
        }
        changed("moderation.risk.changed", "risk-phrase:" + id, phrase + " (" + kind + ")");
    }

    @Transactional
    public void removeRiskPhrase(long id) {
        String phrase = store.removeRisk(id);
        if (phrase == null) {
            throw InputProblem.keyed(null, "moderation.lists.gone");
        }
        changed("moderation.risk.removed", "risk-phrase:" + id, phrase);
    }

    @Transactional
    public School addSchool(String name) {
        String n = phrase(name, "school", MAX_SCHOOL);
        String normalised = normalised(n, "school");
        long id = store.addSchool(n, normalised, clock.instant());
        if (id < 0) {
            throw InputProblem.keyed("school", "moderation.lists.duplicate");
        }
        changed("moderation.school.added", "school:" + id, n);
        return new School(id, n);
    }

    @Transactional
    public void removeSchool(long id) {
        String name = store.removeSchool(id);
        if (name == null) {
            throw InputProblem.keyed(null, "moderation.lists.gone");
        }
        changed("moderation.school.removed", "school:" + id, name);
    }

    private static String phrase(String raw, String field, int max) {
        String p = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (p.isEmpty()) {
            throw InputProblem.keyed(field, "moderation.lists.phrase.empty");
        }
        if (p.length() > max) {
            throw InputProblem.keyed(field, "moderation.lists.phrase.long", max);
        }
        return p;
    }

    private static String normalised(String phrase, String field) {
        String n = Tokens.normalise(phrase);
        if (n.replace("*", "").isBlank()) {
            throw InputProblem.keyed(field, "moderation.lists.phrase.noLetters");
        }
        if (n.startsWith("*")) {
            throw InputProblem.keyed(field, "moderation.lists.phrase.star");
        }
        if (n.length() > MAX_SCHOOL) {
            throw InputProblem.keyed(field, "moderation.lists.phrase.long", MAX_PHRASE);
        }
        return n;
    }

    private static String reason(WatchAction action, String reason) {
        if (action == null) {
            throw InputProblem.keyed("action", "moderation.lists.action.needed");
        }
        String r = reason == null ? "" : reason.strip();
        if (r.length() > MAX_REASON) {
            throw InputProblem.keyed("reason", "moderation.lists.reason.long", MAX_REASON);
        }
        if (action == WatchAction.BLOCK && r.isEmpty()) {
            throw InputProblem.keyed("reason", "moderation.lists.reason.needed");
        }
        return action == WatchAction.BLOCK ? r : null;
    }

    private void changed(String action, String target, String detail) {
        store.raiseVersion();
        audit.record(currentUser.actor(), action, target, detail);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    filters.forget();
                }
            });
        } else {
            filters.forget();
        }
    }
}
