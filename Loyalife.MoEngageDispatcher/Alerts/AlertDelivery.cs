namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>One alert to one target as the admin page lists it.</summary>
public sealed record AlertDelivery(
    Guid DeliveryId,
    string TargetId,
    string Url,
    string Kind,
    DeliveryState State,
    int Attempts,
    int? LastStatus,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset? NextAttemptAt);
