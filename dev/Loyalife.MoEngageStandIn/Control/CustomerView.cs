namespace Loyalife.MoEngageStandIn.Control;

/// <summary>
/// A profile's current attributes (last write wins), each attribute's MoEngage type (<c>date, number, string,
/// boolean</c>, or <c>array, object, null</c>), and how the profile came to exist (<c>defined, added, pattern,
/// customer, event</c>).
/// </summary>
public sealed record CustomerView(
    string CustomerId,
    IReadOnlyDictionary<string, JsonElement> Attributes,
    IReadOnlyDictionary<string, string> AttributeTypes,
    string Origin);
