-- A sealed token that cannot be opened with any key Daybook has (the key changed without the old one
-- listed, or no key is set at all) is marked instead of stopping the start: the workspace must install
-- Daybook again, or the project's MLflow token must be entered again. Cleared when a new token is
-- stored, or when a start finds the token readable again (the old key listed after all).
alter table slack_installation add column token_unreadable_at timestamp(6) with time zone;
alter table tracking_server add column token_unreadable_at timestamp(6) with time zone;
