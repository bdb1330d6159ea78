namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>What one request takes from the quotas: users and events (a Bulk request can take both).</summary>
internal readonly record struct QuotaDemand(QuotaKind UsersKind, int Users, QuotaKind EventsKind, int Events);
