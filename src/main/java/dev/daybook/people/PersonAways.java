package dev.daybook.people;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonAways extends JpaRepository<PersonAwayEntity, Long> {

    List<PersonAwayEntity> findByTeamIdAndUserIdAndLastDayGreaterThanEqualOrderByFirstDay(String teamId, String userId,
                                                                                          LocalDate day);

    List<PersonAwayEntity> findByLastDayGreaterThanEqual(LocalDate day);
}
