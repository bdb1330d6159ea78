namespace Loyalife.MoEngageDispatcher.Sources;

/// <summary>snapshot-service's <c>GET /v1/programs/{programId}</c>: the zone defines the business day.</summary>
public sealed record ProgramInfo(string ProgramId, string Name, string TimeZone, IReadOnlyList<string> Tiers);
