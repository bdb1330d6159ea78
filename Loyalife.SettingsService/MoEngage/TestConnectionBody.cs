using System.Text.Json.Serialization;

namespace Loyalife.SettingsService.MoEngage;

internal sealed record TestConnectionBody(
    [property: JsonPropertyName("app_id")] string AppId,
    [property: JsonPropertyName("app_secret")] string AppSecret,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("region")] string Region);
