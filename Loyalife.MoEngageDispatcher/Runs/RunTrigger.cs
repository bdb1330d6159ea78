namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>What started a run: the nightly cron tick, an admin's run of one date, or an admin's range; an intraday pass's own.</summary>
public static class RunTrigger
{
    public const string Cron = "cron";
    public const string Manual = "manual";
    public const string Backfill = "backfill";
    public const string Intraday = "intraday";
}
