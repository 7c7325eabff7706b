package dev.daybook.updates;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface BlockerReports extends JpaRepository<BlockerReportEntity, Long> {

    @Query("select r.blockerId from BlockerReportEntity r where r.updateId = :updateId")
    List<Long> findBlockerIdsOf(long updateId);

    @Modifying(flushAutomatically = true)
    @Query("delete from BlockerReportEntity r where r.updateId = :updateId")
    int deleteByUpdateId(long updateId);

    /** The days each of these blockers was listed, earliest first. */
    @Query("""
            select new dev.daybook.updates.ReportedDay(r.blockerId, r.day) from BlockerReportEntity r
             where r.blockerId in :blockerIds order by r.day
            """)
    List<ReportedDay> findDaysOf(Collection<Long> blockerIds);
}
