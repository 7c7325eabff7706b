package dev.daybook.people;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface People extends JpaRepository<PersonEntity, Long> {

    Optional<PersonEntity> findByTeamIdAndUserId(String teamId, String userId);

    List<PersonEntity> findByTeamId(String teamId);

    List<PersonEntity> findByTeamIdAndUserIdIn(String teamId, java.util.Collection<String> userIds);
}
