namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>The <c>error</c> of MoEngage's failure body; <c>attribute</c> names the part of the payload at fault, when one is.</summary>
public sealed record MoEngageError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId)
{
    [JsonPropertyName("attribute")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Attribute { get; init; }
}
