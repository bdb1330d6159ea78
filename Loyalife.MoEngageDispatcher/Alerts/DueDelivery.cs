namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>A delivery the sender claimed to attempt now, with the body its alert carries.</summary>
public sealed record DueDelivery(Guid DeliveryId, string ProgramId, string TargetId, string Url, int Attempts, JsonObject Body);
