namespace Loyalife.MoEngageDispatcher.Alerts;

public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
