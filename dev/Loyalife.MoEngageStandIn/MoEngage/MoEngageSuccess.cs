namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>MoEngage's 200 answer: accepted, to be processed asynchronously, with the request's id (data overview).</summary>
public sealed record MoEngageSuccess(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("request_id")] string RequestId)
{
    public const string AcceptedMessage = "Your request has been accepted and will be processed soon.";

    public static MoEngageSuccess Accepted(string requestId) => new("success", AcceptedMessage, requestId);
}
