package dev.daybook.slack;

/** Someone asked for their updates; the file is prepared and sent after the request is answered. */
public record ExportRequested(String teamId, String userId) {
}
