namespace Loyalife.MoEngageStandIn.Control;

/// <summary>One stored event action, as sent; <see cref="ReceivedAt"/> is when the stand-in accepted it.</summary>
public sealed record EventView(
    string CustomerId,
    string Name,
    JsonElement Attributes,
    DateTime CurrentTime,
    DateTime ReceivedAt);
