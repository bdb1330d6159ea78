namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>One attempt's end: delivered, worth retrying (5xx, 429, timeouts, no connection), or failed for good.</summary>
public sealed record DeliveryResult(DeliveryOutcome Outcome, int? Status, string? Error);
