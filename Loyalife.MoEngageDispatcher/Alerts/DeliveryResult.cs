namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>One attempt's end: delivered, worth retrying (5xx, 429, timeouts, no connection), or failed for good.</summary>
public sealed record DeliveryResult(string Outcome, int? Status, string? Error)
{
    public const string Delivered = "delivered";
    public const string Retry = "retry";
    public const string Failed = "failed";
}
