package dev.daybook.updates;

import java.time.LocalDate;
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

    @Query("select r.day from BlockerReportEntity r where r.blockerId = :blockerId order by r.day")
    List<LocalDate> findDaysOf(long blockerId);
}
