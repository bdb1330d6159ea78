using System.Text.Json.Serialization;

namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>
/// One member as Loyalife and MoEngage see it (docs/architecture.md, "A member's page"). <see cref="SnapshotDate"/> is
/// the closed day the member's facts are read from: the last night sent, or the latest closed day when that night
/// does not know the member. <see cref="InMoEngageFrom"/> says whether <see cref="InMoEngage"/> comes from a live
/// Get User or the existence gate's stored confirmation; <see cref="GetUser"/> what the live call did.
/// </summary>
public sealed record MemberLookup(
    string ProgramId,
    string MemberId,
    string? CustomerId,
    bool Sendable,
    string? SkipReason,
    string SnapshotDate,
    string? LastSentNight,
    DateTimeOffset? LastSentAt,
    Guid? LastSentRunId,
    SentNight? Sent,
    bool? InMoEngage,
    DateTimeOffset? InMoEngageAsOf,
    string? InMoEngageFrom,
    string GetUser,
    [property: JsonPropertyName("moengageAttributes")] IReadOnlyDictionary<string, JsonElement>? MoEngageAttributes,
    IReadOnlyList<string> Differences);
