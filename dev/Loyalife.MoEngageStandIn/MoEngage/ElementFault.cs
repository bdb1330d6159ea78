namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>
/// Why one element is refused, as MoEngage's 400 bodies name it: the error type (<c>MissingAttributeError</c>,
/// <c>AttributeError</c>, <c>ValueError</c>, <c>LimitBreached</c>, <c>Malformed JSON</c>), the attribute at fault
/// when there is one, and the message.
/// </summary>
internal sealed record ElementFault(string Type, string? Attribute, string Message)
{
    public const string Missing = "MissingAttributeError";
    public const string WrongType = "AttributeError";
    public const string BadValue = "ValueError";
    public const string OverLimit = "LimitBreached";
    public const string Malformed = "Malformed JSON";

    public static ElementFault MissingAttribute(string attribute, string message) => new(Missing, attribute, message);

    public static ElementFault Value(string? attribute, string message) => new(BadValue, attribute, message);

    public static ElementFault MalformedJson(string message) => new(Malformed, null, message);
}
