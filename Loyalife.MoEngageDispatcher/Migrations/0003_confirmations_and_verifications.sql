-- What Get User said about a customer_id, per workspace: whether MoEngage holds the profile, since when it
-- has been found absent, and when it was last asked.
CREATE TABLE IF NOT EXISTS dispatch.confirmations (
    app_id text NOT NULL,
    customer_id text NOT NULL,
    found boolean NOT NULL,
    absent_since timestamptz NULL,
    last_checked timestamptz NOT NULL,
    PRIMARY KEY (app_id, customer_id));

-- Members of a program that had events, with the customer_id and workspace they were last sent under: what
-- the members-not-in-MoEngage list joins with the confirmations.
CREATE TABLE IF NOT EXISTS dispatch.event_members (
    program_id text NOT NULL,
    member_id text NOT NULL,
    customer_id text NOT NULL,
    app_id text NOT NULL,
    last_event_date date NOT NULL,
    PRIMARY KEY (program_id, member_id));

-- Runs whose sample waits to be read back from MoEngage; the row goes when the result is in the run's report.
CREATE TABLE IF NOT EXISTS dispatch.pending_verifications (
    run_id uuid PRIMARY KEY,
    program_id text NOT NULL,
    business_date date NOT NULL,
    due_at timestamptz NOT NULL);
