using System.Text.Json;

namespace Loyalife.MoEngageStandIn.Control;

/// <summary>A profile's current attributes (last write wins).</summary>
public sealed record CustomerView(string CustomerId, IReadOnlyDictionary<string, JsonElement> Attributes);
