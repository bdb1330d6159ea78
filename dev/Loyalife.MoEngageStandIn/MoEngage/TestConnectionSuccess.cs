namespace Loyalife.MoEngageStandIn.MoEngage;

public sealed record TestConnectionSuccess(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("app_name")] string AppName);
