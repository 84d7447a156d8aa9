package org.village.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.village.security.internal.UserAccount;
import org.village.security.internal.UserAccountRepository;

/**
 * Who people are, for other modules: display names and roles of accounts, so that no module outside security
 * reads the account tables (decision 063). Names only: never sign-in names or anything else about an account.
 */
@Service
@Transactional(readOnly = true)
public class People {

    private final UserAccountRepository accounts;
    private final JdbcClient jdbc;

    People(UserAccountRepository accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    /** The parent accounts linked to this family, by name. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Person> parentsOf(long familyId) {
        // ids and names only, in one plain read (decision 055): the JPQL query was translated again by Hibernate on
        // every call, a third of the CPU of telling a family about a booking
        return parentNames(familyId);
    }

    /**
     * The same as {@link #parentsOf}, in one plain read with no transaction of its own (it joins the caller's when
     * there is one): for busy paths such as booking (decision 097).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Person> parentNames(long familyId) {
        return jdbc.sql("SELECT id, display_name FROM user_account WHERE family_id = ? ORDER BY display_name")
                .param(familyId).query((rs, n) -> new Person(rs.getLong(1), rs.getString(2))).list();
    }

    /**
     * The parents of each of these families, ids and names by name, in one plain read (joins the caller's transaction
     * when there is one): for jobs that tell many families at once, such as booking reminders (decision 097).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public java.util.Map<Long, List<Person>> parentsOfFamilies(Collection<Long> familyIds) {
        var out = new java.util.HashMap<Long, List<Person>>();
        if (familyIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", java.util.Collections.nCopies(familyIds.size(), "?"));
        jdbc.sql("SELECT family_id, id, display_name FROM user_account WHERE family_id IN (" + in + ")"
                        + " ORDER BY display_name").params(new java.util.ArrayList<Object>(familyIds))
                .query((java.sql.ResultSet rs) -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(new Person(rs.getLong(2), rs.getString(3)));
                });
        return out;
    }

    /**
     * The interface language each of these accounts chose ("en", "pl"), in one plain read; accounts that chose none
     * are left out. As {@link #languageOf}, for many at once (decision 097).
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public java.util.Map<Long, String> languagesOf(Collection<Long> accountIds) {
        var out = new java.util.HashMap<Long, String>();
        if (accountIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", java.util.Collections.nCopies(accountIds.size(), "?"));
        jdbc.sql("SELECT id, language FROM user_account WHERE id IN (" + in + ") AND language IS NOT NULL")
                .params(new java.util.ArrayList<Object>(accountIds))
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** Of these accounts, the switched-on ones that hold this role, by name. */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public List<Person> withRole(Collection<Long> ids, String role) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // one query with the role joined: reading each account's roles one by one cost a query per account (a month's
        // session list with 200 workers made 200 of them). Plain SQL with no transaction of its own (decision 055):
        // the JPQL query with its IN list was translated again by Hibernate on every call, and each call from outside
        // a transaction opened a read-only one
        var params = new java.util.ArrayList<Object>(new java.util.LinkedHashSet<>(ids));
        String in = String.join(",", java.util.Collections.nCopies(params.size(), "?"));
        params.add(role);
        return jdbc.sql("SELECT a.id, a.display_name FROM user_account a JOIN account_role r ON r.account_id = a.id"
                        + " WHERE a.id IN (" + in + ") AND r.role = ? AND a.enabled = TRUE ORDER BY a.display_name")
                .params(params).query((rs, n) -> new Person(rs.getLong(1), rs.getString(2))).list();
    }

    /** True when the account exists, is switched on and holds this role. */
    public boolean hasRole(long accountId, String role) {
        return accounts.findById(accountId).filter(a -> a.isEnabled() && a.getRoles().contains(role)).isPresent();
    }

    /** Every switched-on account holding this role, by name (for example the admins, to tell them something). */
    public List<Person> allWithRole(String role) {
        return accounts.findHoldingAnyOf(List.of(role)).stream().filter(UserAccount::isEnabled)
                .map(People::person).toList();
    }

    /**
     * The interface language this account chose ("en", "pl"), for words sent when they are not looking (e-mails);
     * empty when they have not chosen one or the account is gone.
     */
    public Optional<String> languageOf(long accountId) {
        return accounts.findById(accountId).map(UserAccount::getLanguage);
    }

    /** True when the account exists and is switched on: nothing is sent to a switched-off account. */
    public boolean isActive(long accountId) {
        return accounts.findById(accountId).filter(UserAccount::isEnabled).isPresent();
    }

    /**
     * The family this account belongs to, if it is a parent's. Callers show it only to staff who may see family
     * records (moderation checks that before it asks).
     */
    public Optional<Long> familyOf(long accountId) {
        return accounts.findById(accountId).map(UserAccount::getFamilyId);
    }

    /** Demo set-up only: the account with this sign-in name. */
    public Optional<Person> byUsername(String username) {
        return accounts.findByUsername(username).map(People::person);
    }

    private static Person person(UserAccount a) {
        return new Person(a.getId(), a.getDisplayName());
    }

    /** A person as others see them: an id and the name they chose to show. */
    public record Person(long id, String displayName) {
    }
}
