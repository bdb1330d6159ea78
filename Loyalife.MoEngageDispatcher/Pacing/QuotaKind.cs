namespace Loyalife.MoEngageDispatcher.Pacing;

/// <summary>The per-minute quotas of a workspace the dispatcher uses; each is counted on its own.</summary>
public enum QuotaKind
{
    /// <summary>Bulk Import customer elements.</summary>
    BulkUsers,

    /// <summary>Bulk Import event actions.</summary>
    BulkEvents,

    /// <summary>Users asked about through Get User (20 a call at most).</summary>
    GetUsers,
}
