namespace Loyalife.MoEngageStandIn.MoEngage;

public sealed record MoEngageError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId);
