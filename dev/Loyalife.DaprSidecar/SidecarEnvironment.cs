namespace Loyalife.DaprSidecar;

/// <summary>
/// What daprd takes from environment variables, carried explicitly so that tests can run several
/// sidecars in one process without touching process-wide variables.
/// </summary>
public sealed record SidecarEnvironment
{
    /// <summary><c>DAPR_API_TOKEN</c>: when set, apps must send it as <c>dapr-api-token</c>.</summary>
    public string? ApiToken { get; init; }

    /// <summary><c>APP_API_TOKEN</c>: when set, sent to the app as <c>dapr-api-token</c>.</summary>
    public string? AppApiToken { get; init; }

    /// <summary><c>LOYALIFE_DAPR_REGISTRY</c>: the directory where sidecars on this machine find each other.</summary>
    public string? RegistryDirectory { get; init; }

    /// <summary><c>OTEL_EXPORTER_OTLP_ENDPOINT</c>: when set, spans are exported there.</summary>
    public string? OtlpEndpoint { get; init; }

    /// <summary>Where relative paths in components resolve (daprd: its working directory).</summary>
    public string? WorkingDirectory { get; init; }

    public static SidecarEnvironment FromProcess() => new()
    {
        ApiToken = Read("DAPR_API_TOKEN"),
        AppApiToken = Read("APP_API_TOKEN"),
        RegistryDirectory = Read("LOYALIFE_DAPR_REGISTRY"),
        OtlpEndpoint = Read("OTEL_EXPORTER_OTLP_ENDPOINT"),
        WorkingDirectory = Environment.CurrentDirectory,
    };

    internal string ResolvedRegistryDirectory =>
        RegistryDirectory ?? Path.Combine(Path.GetTempPath(), "loyalife-dapr");

    internal string ResolvedWorkingDirectory => WorkingDirectory ?? Environment.CurrentDirectory;

    private static string? Read(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
