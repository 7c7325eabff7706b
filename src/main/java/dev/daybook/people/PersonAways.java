package dev.daybook.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonAways extends JpaRepository<PersonAwayEntity, Long> {

    List<PersonAwayEntity> findByTeamIdAndUserIdAndLastDayGreaterThanEqualOrderByFirstDay(String teamId, String userId,
                                                                                          LocalDate day);

    List<PersonAwayEntity> findByLastDayGreaterThanEqual(LocalDate day);

    List<PersonAwayEntity> findByTeamIdAndUserIdInAndLastDayGreaterThanEqual(String teamId,
                                                                             java.util.Collection<String> userIds,
                                                                             LocalDate day);
}
