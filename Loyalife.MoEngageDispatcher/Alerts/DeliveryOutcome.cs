namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>How one attempt to deliver an alert ended.</summary>
public enum DeliveryOutcome
{
    Delivered,

    /// <summary>Worth another attempt: 5xx, 408, 429, a timeout, no connection.</summary>
    Retry,

    /// <summary>For good: no later attempt would be answered differently.</summary>
    Failed,
}
