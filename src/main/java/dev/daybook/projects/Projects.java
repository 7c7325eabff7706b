package dev.daybook.projects;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Projects extends JpaRepository<ProjectEntity, Long> {

    Optional<ProjectEntity> findByTeamIdAndChannelId(String teamId, String channelId);

    List<ProjectEntity> findByTeamIdAndNameIgnoreCase(String teamId, String name);

    List<ProjectEntity> findByNameIgnoreCase(String name);

    List<ProjectEntity> findByTeamIdOrderByName(String teamId);

}
