-- Alerts: per program and condition the state last told, the alerts raised, and one delivery per alert
-- and target. No signing secret or key is ever stored here.
CREATE TABLE dispatch.alert_states (
    program_id text NOT NULL,
    condition text NOT NULL,
    active boolean NOT NULL,
    baseline bigint NULL,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (program_id, condition));
CREATE TABLE dispatch.alerts (
    alert_id uuid PRIMARY KEY,
    program_id text NOT NULL,
    kind text NOT NULL,
    body jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    routed boolean NOT NULL);
CREATE INDEX alerts_unrouted ON dispatch.alerts (created_at) WHERE NOT routed;
CREATE TABLE dispatch.alert_deliveries (
    delivery_id uuid PRIMARY KEY,
    alert_id uuid NOT NULL REFERENCES dispatch.alerts (alert_id),
    program_id text NOT NULL,
    target_id text NOT NULL,
    url text NOT NULL,
    kind text NOT NULL,
    state text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    last_status integer NULL,
    last_error text NULL,
    created_at timestamptz NOT NULL,
    delivered_at timestamptz NULL,
    next_attempt_at timestamptz NULL,
    claimed_until timestamptz NULL);
CREATE INDEX alert_deliveries_by_program ON dispatch.alert_deliveries (program_id, created_at DESC);
CREATE INDEX alert_deliveries_due ON dispatch.alert_deliveries (next_attempt_at) WHERE state = 'pending';

