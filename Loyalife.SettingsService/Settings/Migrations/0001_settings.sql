-- The settings schema as first created. IF NOT EXISTS throughout: this script also adopts databases
-- created before numbered migrations existed.
CREATE SCHEMA IF NOT EXISTS settings;
CREATE TABLE IF NOT EXISTS settings.moengage_integrations (
    program_id     text PRIMARY KEY,
    enabled        boolean NOT NULL,
    app_id         text NOT NULL,
    dashboard_url  text NOT NULL,
    data_center    text NOT NULL,
    secret_name    text NOT NULL,   -- where the key is; the key itself never comes here
    api_key_hint   text NOT NULL,   -- at most its last 4 characters, for the masked view
    workspace_name text NULL,
    verified_at    timestamptz NULL,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text NOT NULL
);
CREATE TABLE IF NOT EXISTS settings.moengage_audit (
    audit_id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    program_id  text NOT NULL,
    occurred_at timestamptz NOT NULL,
    actor       text NOT NULL,
    action      text NOT NULL,
    changes     jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS moengage_audit_by_program ON settings.moengage_audit (program_id, audit_id DESC);
