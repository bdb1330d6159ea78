namespace Loyalife.SnapshotService.Snapshots;

/// <summary>How long one snapshot statement may run before PostgreSQL is told to stop it.</summary>
internal static class StatementTimeout
{
    /// <summary>
    /// Far above what any statement needs (the slowest, the ledger anomalies, takes about 4 s at 1,000,000 members,
    /// README's benchmark; Npgsql's default of 30 s would leave a program ten times that size too little), yet a plan
    /// gone wrong ends in an error answer instead of holding a connection and its caller indefinitely. A caller that
    /// goes away stops the statement sooner: every query runs under the request's cancellation.
    /// </summary>
    public const int Seconds = 600;
}
