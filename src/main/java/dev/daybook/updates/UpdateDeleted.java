package dev.daybook.updates;

import java.time.LocalDate;

/** An update was deleted because the message it came from was deleted. */
public record UpdateDeleted(String teamId, long updateId, long projectId, String channelId, String userId,
                            LocalDate day) {
}
