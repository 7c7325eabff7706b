package dev.daybook.slack.workspace;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface SlackOAuthStates extends JpaRepository<SlackOAuthStateEntity, String> {

    @Modifying
    @Transactional
    @Query("delete from SlackOAuthStateEntity s where s.expiresAt < :now")
    int deleteExpired(Instant now);

    /** Deletes the state if it is still valid; 1 when it was (the caller may go on), 0 when not. */
    @Modifying
    @Transactional
    @Query("delete from SlackOAuthStateEntity s where s.state = :state and s.expiresAt > :now")
    int consume(String state, Instant now);
}
