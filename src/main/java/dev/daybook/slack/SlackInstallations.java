package dev.daybook.slack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlackInstallations extends JpaRepository<SlackInstallation, Long> {

    Optional<SlackInstallation> findByTeamId(String teamId);

    List<SlackInstallation> findByUninstalledAtBefore(Instant before);

    List<SlackInstallation> findByBotTokenSealedIsNotNull();

    List<SlackInstallation> findByTokenUnreadableAtIsNotNullAndUninstalledAtIsNull();
}
