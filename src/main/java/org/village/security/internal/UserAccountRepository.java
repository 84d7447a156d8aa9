package org.village.security.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByDisplayName(String displayName);

    @Query("select count(a) > 0 from UserAccount a join a.roles r where r = ?1")
    boolean existsByRole(String role);

    List<UserAccount> findByFamilyIdOrderByDisplayName(Long familyId);


    /** Accounts holding any of these roles, by name. */
    @Query("select distinct a from UserAccount a join a.roles r where r in ?1 order by a.displayName")
    List<UserAccount> findHoldingAnyOf(List<String> roles);

    @Modifying
    @Query(value = "UPDATE user_account SET last_sign_in_at = ?2 WHERE id = ?1", nativeQuery = true)
    int recordSuccess(long id, Instant at);
}
