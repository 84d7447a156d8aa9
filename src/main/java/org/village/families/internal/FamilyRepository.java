package org.village.families.internal;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface FamilyRepository extends JpaRepository<Family, Long> {

    @Query("select f from Family f order by f.label")
    List<Family> findAllOrdered(Pageable page);

    @Query(value = "SELECT f.* FROM family f JOIN family_worker w ON w.family_id = f.id WHERE w.worker_id = ?1"
            + " ORDER BY f.label", nativeQuery = true)
    List<Family> findAssignedTo(long workerId);

    @Query(value = "SELECT COUNT(*) FROM family_worker WHERE family_id = ?1 AND worker_id = ?2", nativeQuery = true)
    int countAssignment(long familyId, long workerId);

    @Modifying
    @Query(value = "INSERT IGNORE INTO family_worker (family_id, worker_id) VALUES (?1, ?2)", nativeQuery = true)
    int assign(long familyId, long workerId);

    @Query(value = "SELECT worker_id FROM family_worker WHERE family_id = ?1", nativeQuery = true)
    List<Long> workerIds(long familyId);

    boolean existsByLabel(String label);

    java.util.Optional<Family> findByLabel(String label);
}
