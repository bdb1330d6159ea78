-- A program's alert webhooks. The signing secret lives in the secret store; the row only names it.
CREATE TABLE settings.alert_targets (
    target_id   uuid PRIMARY KEY,
    program_id  text NOT NULL,
    url         text NOT NULL,
    secret_name text NULL,
    created_at  timestamptz NOT NULL,
    created_by  text NOT NULL
);
CREATE INDEX alert_targets_by_program ON settings.alert_targets (program_id, created_at);
