package org.village.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByDisplayName(String displayName);

    boolean existsByRole(String role);

    List<UserAccount> findByFamilyIdOrderByDisplayName(Long familyId);

    List<UserAccount> findByRoleInOrderByDisplayName(List<String> roles);

    /** Counts a failure and locks the account once the limit is reached, in one statement. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(value = "UPDATE user_account"
            // locked_until first: MySQL assigns left to right, so it must see the old count
            + " SET locked_until = CASE WHEN failed_attempts + 1 >= ?2 THEN ?3 ELSE locked_until END,"
            + " failed_attempts = failed_attempts + 1 WHERE username = ?1", nativeQuery = true)
    int recordFailure(String username, int limit, Instant lockUntil);

    @Modifying
    @Query(value = "UPDATE user_account SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?2"
            + " WHERE id = ?1", nativeQuery = true)
    int recordSuccess(long id, Instant at);

    @Modifying
    @Query(value = "UPDATE user_account SET failed_attempts = 0, locked_until = NULL WHERE id = ?1", nativeQuery = true)
    int unlock(long id);
}
