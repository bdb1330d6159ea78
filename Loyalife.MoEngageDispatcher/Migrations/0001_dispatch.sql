-- The dispatch schema as first created. IF NOT EXISTS throughout: this script also adopts databases
-- created before numbered migrations existed.
CREATE SCHEMA IF NOT EXISTS dispatch;
-- Fencing tokens: a sequence keeps growing even if Redis loses its keys.
CREATE SEQUENCE IF NOT EXISTS dispatch.fencing_tokens;
CREATE TABLE IF NOT EXISTS dispatch.sync_runs (
    run_id uuid PRIMARY KEY,
    program_id text NOT NULL,
    from_date date NOT NULL,
    to_date date NOT NULL,
    trigger text NOT NULL,
    dry_run boolean NOT NULL,
    status text NOT NULL,
    reason text NULL,
    requested_at timestamptz NOT NULL,
    started_at timestamptz NULL,
    finished_at timestamptz NULL,
    attempts integer NOT NULL DEFAULT 0,
    fencing_token bigint NOT NULL DEFAULT 0,
    checkpoint_date date NULL,
    checkpoint_phase text NULL,
    checkpoint_cursor text NULL,
    checkpoint_offset integer NOT NULL DEFAULT 0,
    trace_parent text NULL,
    report jsonb NOT NULL);
CREATE INDEX IF NOT EXISTS sync_runs_by_program ON dispatch.sync_runs (program_id, requested_at DESC);
CREATE INDEX IF NOT EXISTS sync_runs_unfinished ON dispatch.sync_runs (program_id) WHERE status IN ('pending', 'running', 'failed');
-- A date is synced once a non-dry run finished it; the cron's due calculation reads only this.
CREATE TABLE IF NOT EXISTS dispatch.synced_days (
    program_id text NOT NULL,
    business_date date NOT NULL,
    run_id uuid NOT NULL,
    synced_at timestamptz NOT NULL,
    PRIMARY KEY (program_id, business_date));
CREATE TABLE IF NOT EXISTS dispatch.rejected_elements (
    id bigserial PRIMARY KEY,
    run_id uuid NOT NULL,
    business_date date NOT NULL,
    kind text NOT NULL,
    status integer NOT NULL,
    answer text NOT NULL,
    element text NOT NULL,
    recorded_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS rejected_elements_by_run ON dispatch.rejected_elements (run_id, id);
