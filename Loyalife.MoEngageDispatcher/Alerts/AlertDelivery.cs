namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>One alert to one target as the admin page lists it; <see cref="State"/> is pending, delivered or failed.</summary>
public sealed record AlertDelivery(
    Guid DeliveryId,
    string TargetId,
    string Url,
    string Kind,
    string State,
    int Attempts,
    int? LastStatus,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt);
