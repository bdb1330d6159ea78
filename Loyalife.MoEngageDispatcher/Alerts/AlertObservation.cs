namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>
/// What a run says about one condition: whether it holds now, with the figures and the sentence an alert
/// would carry should that be a change.
/// </summary>
public sealed record AlertObservation(string Condition, bool Active, long? Baseline, string Text, JsonObject Figures);
