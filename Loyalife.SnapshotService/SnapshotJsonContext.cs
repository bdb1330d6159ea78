using System.Text.Json.Serialization;

namespace Loyalife.SnapshotService;

/// <summary>Source-generated serializers for the small responses; pages are written with Utf8JsonWriter.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<LoyaltyProgram>))]
[JsonSerializable(typeof(LoyaltyProgram))]
[JsonSerializable(typeof(SnapshotSummary))]
[JsonSerializable(typeof(LedgerAnomalyCounts))]
[JsonSerializable(typeof(Members.MembersByCustomerId))]
[JsonSerializable(typeof(Intraday.PassHorizon))]
[JsonSerializable(typeof(Intraday.PassSummary))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
