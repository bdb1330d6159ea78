namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>Where a program stands on one condition; <see cref="Baseline"/> is the usual level of a counted condition.</summary>
public sealed record AlertState(string Condition, bool Active, long? Baseline, DateTimeOffset ChangedAt);
