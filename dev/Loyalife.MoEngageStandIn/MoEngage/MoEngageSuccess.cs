namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>MoEngage's 200 answer: accepted, to be processed asynchronously.</summary>
public sealed record MoEngageSuccess(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message)
{
    public static readonly MoEngageSuccess Accepted =
        new("success", "Your request has been accepted and will be processed soon.");
}
