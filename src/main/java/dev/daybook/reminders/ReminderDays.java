package dev.daybook.reminders;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ReminderDays extends JpaRepository<ReminderDayEntity, Long> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from ReminderDayEntity d where d.teamId = :teamId and d.userId = :userId and d.day = :day")
    Optional<ReminderDayEntity> lock(String teamId, String userId, LocalDate day);

    Optional<ReminderDayEntity> findByTeamIdAndUserIdAndDay(String teamId, String userId, LocalDate day);

    List<ReminderDayEntity> findByDayGreaterThanEqual(LocalDate day);
}
