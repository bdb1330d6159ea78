namespace Loyalife.Testing;

/// <summary>
/// The configuration every service reads under the same keys (its database, the tokens, its sidecar), written
/// out once for every test host; a host adds its own settings beside them with <see cref="SettingsOverlay.With"/>.
/// </summary>
public sealed record ServiceSettings(string Database, string AppApiToken)
{
    /// <summary>The shared admin bearer token (Admin:Token), for a service with an admin API.</summary>
    public string? AdminToken { get; init; }

    /// <summary>The token the service shows its Dapr sidecar (DAPR_API_TOKEN).</summary>
    public string? DaprApiToken { get; init; }

    public string? DaprHttpEndpoint { get; init; }

    public string? DaprGrpcEndpoint { get; init; }

    /// <summary>Redis's connection string, for the dispatcher (locks and the shared quota).</summary>
    public string? Redis { get; init; }

    /// <summary>The keys as the services read them; a setting left null is left out.</summary>
    public Dictionary<string, string?> ToDictionary()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:loyalife"] = Database,
            ["APP_API_TOKEN"] = AppApiToken,
            ["Admin:Token"] = AdminToken,
            ["DAPR_API_TOKEN"] = DaprApiToken,
            ["DAPR_HTTP_ENDPOINT"] = DaprHttpEndpoint,
            ["DAPR_GRPC_ENDPOINT"] = DaprGrpcEndpoint,
            ["ConnectionStrings:redis"] = Redis,
        };
        foreach (var unset in settings.Where(setting => setting.Value is null).Select(setting => setting.Key).ToList())
        {
            settings.Remove(unset);
        }

        return settings;
    }
}
