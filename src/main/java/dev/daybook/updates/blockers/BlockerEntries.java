package dev.daybook.updates.blockers;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.storage.UpdateEntity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface BlockerEntries extends JpaRepository<BlockerEntity, Long> {

    Optional<BlockerEntity> findByTeamIdAndProjectIdAndUserIdAndTextKey(String teamId, long projectId, String userId,
                                                                        String textKey);

    Optional<BlockerEntity> findByIdAndTeamId(long id, String teamId);

    /** A person's blockers in a project: the few rows an update of theirs can touch. */
    List<BlockerEntity> findByTeamIdAndProjectIdAndUserId(String teamId, long projectId, String userId);

    /** Open on {@code asOf}: reported by then, and not resolved by then. */
    @Query("""
            select b from BlockerEntity b
             where b.teamId = :teamId and b.projectId = :projectId and b.firstDay <= :asOf
               and (b.resolvedDay is null or b.resolvedDay > :asOf)
             order by b.firstDay, b.id
            """)
    List<BlockerEntity> findOpenInProject(String teamId, long projectId, LocalDate asOf);

    /** Open now: not resolved. */
    @Query("""
            select b from BlockerEntity b
             where b.teamId = :teamId and b.userId = :userId and b.resolvedDay is null
             order by b.firstDay, b.id
            """)
    List<BlockerEntity> findOpenOfAuthor(String teamId, String userId);

    @Query("""
            select b from BlockerEntity b
             where b.teamId = :teamId and b.projectId in :projectIds and b.resolvedDay is null
             order by b.firstDay, b.id
            """)
    List<BlockerEntity> findOpenInProjects(String teamId, Collection<Long> projectIds);

    @Query("""
            select b from BlockerEntity b
             where b.teamId = :teamId and b.projectId in :projectIds and b.resolvedDay is null
               and b.clientSince is not null
             order by b.clientSince, b.id
            """)
    List<BlockerEntity> findOpenClientAsks(String teamId, Collection<Long> projectIds);

    @Query("""
            select b from BlockerEntity b where b.resolvedDay is null and b.clientSince is not null
             order by b.teamId, b.clientSince, b.id
            """)
    List<BlockerEntity> findAllOpenClientAsks();

    /**
     * Items of the author's updates in the project after {@code after} that could resolve a blocker,
     * earliest first: Blockers items, and Update items that say "resolved"/"unblocked".
     */
    @Query("""
            select new dev.daybook.updates.blockers.BlockerCandidate(u.id, u.day, i.section, i.text)
              from UpdateEntity u join u.items i
             where u.teamId = :teamId and u.projectId = :projectId and u.userId = :userId and u.day > :after
               and (i.section = dev.daybook.updates.Section.BLOCKER
                    or lower(i.text) like 'resolved%' or lower(i.text) like 'unblocked%'
                    or i.text like '已解决%' or i.text like '解决了%' or i.text like '不再阻碍%')
             order by u.day, i.position
            """)
    List<BlockerCandidate> findResolvingAfter(String teamId, long projectId, String userId, LocalDate after);

    /**
     * The author's updates in the project after {@code after} that had a Blockers part with nothing
     * in it ("Blockers: none"): each resolves the blockers it does not list, as a Blockers item would.
     */
    @Query("""
            select new dev.daybook.updates.blockers.BlockerCandidate(u.id, u.day, dev.daybook.updates.Section.BLOCKER, '')
              from UpdateEntity u
             where u.teamId = :teamId and u.projectId = :projectId and u.userId = :userId and u.day > :after
               and u.blockersStated = true
             order by u.day
            """)
    List<BlockerCandidate> findStatedAfter(String teamId, long projectId, String userId, LocalDate after);
}
