package dev.daybook.slack.workspace;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlackInstallations extends JpaRepository<SlackInstallationEntity, Long> {

    Optional<SlackInstallationEntity> findByTeamId(String teamId);

    List<SlackInstallationEntity> findByUninstalledAtBefore(Instant before);

    List<SlackInstallationEntity> findByBotTokenSealedIsNotNull();

    List<SlackInstallationEntity> findByTokenUnreadableAtIsNotNullAndUninstalledAtIsNull();
}
