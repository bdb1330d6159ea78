using System.Text.Json.Serialization;

namespace Loyalife.SettingsService.MoEngage;

internal sealed record TestConnectionAnswer(
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("app_name")] string? AppName);
