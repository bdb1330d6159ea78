namespace Loyalife.DemoLedger;

internal enum IdKind { Entry, Status, Tier, Segment }

/// <summary>Next ids per table, continuing after what the database already holds.</summary>
internal sealed class IdSequence(long entry, long status, long tier, long segment)
{
    private readonly long[] next = [entry, status, tier, segment];

    public long Next(IdKind kind) => next[(int)kind]++;
}
