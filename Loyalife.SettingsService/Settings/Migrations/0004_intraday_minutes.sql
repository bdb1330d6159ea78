-- How often the intraday lane sends the open day's events, in minutes; null (every row saved before the lane
-- existed) means the nightly run only.
ALTER TABLE settings.moengage_integrations ADD COLUMN intraday_minutes integer NULL
    CONSTRAINT moengage_integrations_intraday_minutes CHECK (intraday_minutes BETWEEN 1 AND 60);
