package dev.daybook.slack;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface SlackOAuthStates extends JpaRepository<SlackOAuthState, String> {

    @Modifying
    @Transactional
    @Query("delete from SlackOAuthState s where s.expiresAt < :now")
    int deleteExpired(Instant now);
}
