package dev.daybook.updates.storage;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ProjectHeadingEntries extends JpaRepository<ProjectHeadingEntity, Long> {

    List<ProjectHeadingEntity> findByTeamIdAndProjectIdOrderByPhrase(String teamId, long projectId);

    @Modifying
    @Query("delete from ProjectHeadingEntity h where h.teamId = :teamId and h.projectId = :projectId")
    int deleteByProject(String teamId, long projectId);
}
