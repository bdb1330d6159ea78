namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>The deliveries a test alert made, one per target; their outcome is in the deliveries list.</summary>
public sealed record TestAlertAccepted(IReadOnlyList<Guid> DeliveryIds);
