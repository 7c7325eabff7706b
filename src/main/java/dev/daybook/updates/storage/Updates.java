package dev.daybook.updates.storage;

import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.DoneItem;
import dev.daybook.updates.PostedDay;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface Updates extends JpaRepository<UpdateEntity, Long> {


    /** The day's update, locked so that concurrent revisions are numbered one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select u from UpdateEntity u
             where u.teamId = :teamId and u.projectId = :projectId and u.userId = :userId and u.day = :day
            """)
    Optional<UpdateEntity> lock(String teamId, long projectId, String userId, LocalDate day);

    List<UpdateEntity> findByTeamIdAndUserIdOrderByDayAscProjectIdAsc(String teamId, String userId);

    long countByTeamIdAndUserId(String teamId, String userId);

    Optional<UpdateEntity> findByTeamIdAndProjectIdAndUserIdAndDay(String teamId, long projectId, String userId,
                                                                   LocalDate day);

    /** The day's update with its items, in one read (what an acknowledgement needs to answer). */
    @Query("""
            select u from UpdateEntity u left join fetch u.items
             where u.teamId = :teamId and u.projectId = :projectId and u.userId = :userId and u.day = :day
            """)
    Optional<UpdateEntity> findDayWithItems(String teamId, long projectId, String userId, LocalDate day);

    boolean existsByTeamIdAndProjectIdAndUserIdAndDayBefore(String teamId, long projectId, String userId,
                                                            LocalDate day);

    @Query("""
            select u from UpdateEntity u
             where u.teamId = :teamId and u.id in (
                   select r.updateId from UpdateRevisionEntity r
                    where r.teamId = :teamId and r.channelId = :channelId and r.messageTs = :messageTs)
            """)
    Optional<UpdateEntity> findByMessage(String teamId, String channelId, String messageTs);

    @Query("""
            select distinct u from UpdateEntity u left join fetch u.items
             where u.teamId = :teamId and u.projectId = :projectId and u.day between :from and :to
               and (:userId is null or u.userId = :userId)
             order by u.day, u.userId
            """)
    List<UpdateEntity> findInRange(String teamId, long projectId, LocalDate from, LocalDate to, String userId);

    @Query("""
            select u from UpdateEntity u
             where u.teamId = :teamId and u.userId = :userId and u.day < :before
               and (:projectId is null or u.projectId = :projectId)
             order by u.day desc, u.updatedAt desc
             limit 1
            """)
    Optional<UpdateEntity> findLatestBefore(String teamId, String userId, Long projectId, LocalDate before);

    @Query("""
            select distinct new dev.daybook.updates.ActiveAuthor(u.teamId, u.userId, u.projectId) from UpdateEntity u
             where u.day >= :since
            """)
    List<ActiveAuthor> findActiveAuthors(LocalDate since);

    /** Per project: the author's latest day from {@code since} (or {@code day}) on, and 1 when they posted for {@code day}. */
    @Query("""
            select new dev.daybook.updates.storage.AuthorProjectDays(u.projectId, max(u.day),
                                                            max(case when u.day = :day then 1 else 0 end))
              from UpdateEntity u
             where u.teamId = :teamId and u.userId = :userId and (u.day >= :since or u.day = :day)
             group by u.projectId
            """)
    List<AuthorProjectDays> findProjectsOfAuthor(String teamId, String userId, LocalDate since, LocalDate day);

    @Query("""
            select new dev.daybook.updates.PostedDay(u.teamId, u.userId, u.projectId, u.day) from UpdateEntity u
             where u.day >= :from and u.day <= :to
            """)
    List<PostedDay> findPostedBetween(LocalDate from, LocalDate to);

    @Query("""
            select distinct u from UpdateEntity u left join fetch u.items
             where u.teamId = :teamId and u.day between :from and :to
               and (:userId is null or u.userId = :userId)
             order by u.day, u.userId
            """)
    List<UpdateEntity> findInTeamRange(String teamId, LocalDate from, LocalDate to, String userId);

    /** What the budget weighs, as values: no entities to build and track for a team's weeks. */
    @Query("""
            select new dev.daybook.updates.DoneItem(u.id, u.userId, u.day, i.category, i.hours)
              from UpdateItemEntity i join i.update u
             where u.teamId = :teamId and u.day between :from and :to
               and i.section = dev.daybook.updates.Section.UPDATE
               and (:userId is null or u.userId = :userId)
             order by u.id, i.position
            """)
    List<DoneItem> findDoneInTeamRange(String teamId, LocalDate from, LocalDate to, String userId);

    @Query("""
            select distinct u.projectId from UpdateEntity u
             where u.teamId = :teamId and u.userId = :userId and u.day >= :since
            """)
    List<Long> findProjectIdsSince(String teamId, String userId, LocalDate since);

    /** Each author's latest work day in the project, among those on or after {@code since}: an index range scan. */
    @Query("""
            select new dev.daybook.updates.storage.LatestDay(u.userId, max(u.day)) from UpdateEntity u
             where u.teamId = :teamId and u.projectId = :projectId and u.day >= :since
             group by u.userId
            """)
    List<LatestDay> findLatestDays(String teamId, long projectId, LocalDate since);

    /** The project's updates from a day on, with their items. */
    @Query("""
            select distinct u from UpdateEntity u left join fetch u.items
             where u.teamId = :teamId and u.projectId = :projectId and u.day >= :from
            """)
    List<UpdateEntity> findInProjectFrom(String teamId, long projectId, LocalDate from);

    /** The author's latest update in a project. */
    @Query("""
            select u from UpdateEntity u
             where u.teamId = :teamId and u.projectId = :projectId and u.userId = :userId
             order by u.day desc
             limit 1
            """)
    Optional<UpdateEntity> findLatestInProject(String teamId, long projectId, String userId);

    /** The author's latest updates, newest first, in any project of the workspace. */
    @Query("""
            select u from UpdateEntity u
             where u.teamId = :teamId and u.userId = :userId
             order by u.day desc, u.updatedAt desc
             limit :limit
            """)
    List<UpdateEntity> findLatestOf(String teamId, String userId, int limit);
}
