namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>MoEngage's error body: <c>{"status":"fail","error":{"type","message","request_id"}}</c>.</summary>
public sealed record MoEngageFailure(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error")] MoEngageError Error);
