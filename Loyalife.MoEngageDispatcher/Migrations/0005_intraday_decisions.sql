-- An admin's decision on a held pass (docs/architecture.md, "The intraday lane"): released, it waits for the lane
-- as 'pending' and is sent without its hold check; skipped, its window is passed over by the lane, and its events,
-- listed here when it was skipped, are never sent by that day's night either.
ALTER TABLE dispatch.intraday_passes DROP CONSTRAINT intraday_passes_status;
ALTER TABLE dispatch.intraday_passes ADD CONSTRAINT intraday_passes_status
    CHECK (status IN ('running', 'succeeded', 'failed', 'held', 'pending', 'skipped', 'abandoned'));

CREATE TABLE dispatch.intraday_skipped_events (
    program_id text NOT NULL,
    business_date date NOT NULL,
    event_id text NOT NULL,
    pass_id uuid NOT NULL,
    PRIMARY KEY (program_id, business_date, event_id));
