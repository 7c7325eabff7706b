package dev.daybook.updates.blockers;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface BlockerReports extends JpaRepository<BlockerReportEntity, Long> {

    @Query("select r.blockerId from BlockerReportEntity r where r.updateId = :updateId")
    List<Long> findBlockerIdsOf(long updateId);

    @Modifying(flushAutomatically = true)
    @Query("delete from BlockerReportEntity r where r.updateId = :updateId")
    int deleteByUpdateId(long updateId);

    /**
     * The days each of a person's blockers in a project was listed, earliest first. By author rather
     * than by a list of ids: a query with a list is planned again for every length of list.
     */
    @Query("""
            select new dev.daybook.updates.blockers.ReportedDay(r.blockerId, r.day) from BlockerReportEntity r
             where r.blockerId in (select b.id from BlockerEntity b
                                    where b.teamId = :teamId and b.projectId = :projectId and b.userId = :userId)
             order by r.day
            """)
    List<ReportedDay> findDaysOfAuthor(String teamId, long projectId, String userId);

    /**
     * Which update listed each of a project's open blockers, latest last: the update an answer about
     * the blocker cites. One query for the project, whatever number of blockers it has.
     */
    @Query("""
            select new dev.daybook.updates.blockers.ReportedDay(r.blockerId, r.day, r.updateId) from BlockerReportEntity r
             where r.blockerId in (select b.id from BlockerEntity b
                                    where b.teamId = :teamId and b.projectId = :projectId and b.resolvedDay is null)
             order by r.day, r.id
            """)
    List<ReportedDay> findReportsOfOpen(String teamId, long projectId);
}
