namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>What the night sent for the member: its attributes under their MoEngage names, and its events with their fate.</summary>
public sealed record SentNight(IReadOnlyDictionary<string, JsonElement> Attributes, IReadOnlyList<SentEvent> Events);
