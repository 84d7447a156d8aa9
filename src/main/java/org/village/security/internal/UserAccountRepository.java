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

    /** The family support workers assigned to a family (switched-off accounts left out). */
    @org.springframework.data.jpa.repository.Query(value = "SELECT u.* FROM user_account u JOIN family_worker w"
            + " ON w.worker_id = u.id WHERE w.family_id = ?1 AND u.role = 'WORKER' AND u.enabled ORDER BY u.display_name",
            nativeQuery = true)
    List<UserAccount> findWorkersOfFamily(long familyId);

    List<UserAccount> findByRoleInOrderByDisplayName(List<String> roles);

    @Modifying
    @Query(value = "UPDATE user_account SET last_sign_in_at = ?2 WHERE id = ?1", nativeQuery = true)
    int recordSuccess(long id, Instant at);
}
