package dev.daybook.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CalendarSources extends JpaRepository<CalendarSourceEntity, Long> {

    Optional<CalendarSourceEntity> findByTeamIdAndOwnerKindAndOwnerId(String teamId, CalendarSourceEntity.Kind kind,
                                                                      String ownerId);

    List<CalendarSourceEntity> findByOwnerKind(CalendarSourceEntity.Kind kind);

    List<CalendarSourceEntity> findByTeamIdAndOwnerKindAndOwnerIdIn(String teamId, CalendarSourceEntity.Kind kind,
                                                                    Collection<String> ownerIds);

    List<CalendarSourceEntity> findByUrlIsNotNull();
}
