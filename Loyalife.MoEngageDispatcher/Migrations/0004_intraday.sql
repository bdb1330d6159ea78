-- The intraday lane (docs/architecture.md, "The intraday lane"). A pass reads the open day's rows between the
-- previous pass's horizon and cut-off and its own (horizons are PostgreSQL xid8 values of the ledger's database);
-- its checkpoint and report are kept like a run's, and every write after its claim is fenced like a run's.
CREATE TABLE dispatch.intraday_passes (
    pass_id uuid PRIMARY KEY,
    program_id text NOT NULL,
    business_date date NOT NULL,
    from_horizon numeric(20) NULL,
    since timestamptz NULL,
    to_horizon numeric(20) NOT NULL,
    cut_off timestamptz NOT NULL,
    status text NOT NULL CONSTRAINT intraday_passes_status CHECK (status IN ('running', 'succeeded', 'failed', 'held', 'abandoned')),
    reason text NULL,
    fencing_token bigint NOT NULL,
    checkpoint jsonb NULL,
    report jsonb NOT NULL,
    started_at timestamptz NOT NULL,
    finished_at timestamptz NULL);
CREATE INDEX intraday_passes_by_day ON dispatch.intraday_passes (program_id, business_date, cut_off);

-- Every event a pass delivered (MoEngage accepted it), so the night of that day does not send it again, with
-- when it could first have been seen and when MoEngage accepted it (the lane's delay).
CREATE TABLE dispatch.intraday_events (
    program_id text NOT NULL,
    business_date date NOT NULL,
    event_id text NOT NULL,
    pass_id uuid NOT NULL,
    visible_at timestamptz NOT NULL,
    accepted_at timestamptz NOT NULL,
    PRIMARY KEY (program_id, business_date, event_id));

-- The members a pass of a day refreshed: the night of an earlier day leaves them out (MoEngage keeps the last write).
CREATE TABLE dispatch.intraday_members (
    program_id text NOT NULL,
    business_date date NOT NULL,
    member_id text NOT NULL,
    cut_off timestamptz NOT NULL,
    PRIMARY KEY (program_id, business_date, member_id));
