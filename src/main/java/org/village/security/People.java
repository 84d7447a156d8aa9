package org.village.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
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

    People(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    /** The parent accounts linked to this family, by name. */
    public List<Person> parentsOf(long familyId) {
        // ids and names only: loading the accounts read each one's roles with a query of its own
        return accounts.namesInFamily(familyId).stream()
                .map(row -> new Person(((Number) row[0]).longValue(), (String) row[1])).toList();
    }

    /** Of these accounts, the switched-on ones that hold this role, by name. */
    public List<Person> withRole(Collection<Long> ids, String role) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // one query with the role joined: reading each account's roles one by one cost a query per account (a month's
        // session list with 200 workers made 200 of them)
        return accounts.namesWithRole(ids, role).stream()
                .map(row -> new Person(((Number) row[0]).longValue(), (String) row[1])).toList();
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
