namespace Loyalife.DaprSidecar.Cli;

/// <summary>
/// Parses daprd's command line. Like daprd (Go's flag package) it accepts <c>-flag value</c>,
/// <c>--flag value</c> and <c>--flag=value</c>; an unknown flag is an error, never ignored, so a
/// typo in the AppHost shows up at once instead of as a silently different sidecar.
/// </summary>
internal static class SidecarCommandLine
{
    private static readonly string[] Flags =
    [
        "app-id", "app-port", "app-protocol", "app-channel-address", "dapr-http-port",
        "dapr-grpc-port", "metrics-port", "resources-path", "log-level",
    ];

    public static SidecarOptions Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, List<string>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg.Trim('-').Length == 0)
                throw new SidecarStartupException($"Unexpected argument '{arg}'. Flags look like --app-id my-app.");
            var name = arg.TrimStart('-');
            string? value = null;
            if (name.IndexOf('=') is var eq and >= 0)
                (name, value) = (name[..eq], name[(eq + 1)..]);
            if (!Flags.Contains(name))
                throw new SidecarStartupException(
                    $"Unknown flag '--{name}'. Supported flags: {string.Join(", ", Flags.Select(f => "--" + f))}.");
            if (value is null)
            {
                if (i + 1 >= args.Count)
                    throw new SidecarStartupException($"Flag '--{name}' needs a value.");
                value = args[++i];
            }
            if (!values.TryGetValue(name, out var list))
                values[name] = list = [];
            list.Add(value);
        }

        string? Single(string name) => values.TryGetValue(name, out var list) ? list[^1] : null;

        var appId = Single("app-id");
        if (string.IsNullOrWhiteSpace(appId))
            throw new SidecarStartupException("Flag '--app-id' is required.");
        var protocol = (Single("app-protocol") ?? "http").ToLowerInvariant();
        if (protocol is not ("http" or "https"))
            throw new SidecarStartupException(
                $"App protocol '{protocol}' is not supported by this local sidecar (supported: http, https).");

        return new SidecarOptions
        {
            AppId = appId,
            AppPort = Port(Single("app-port"), "app-port"),
            AppProtocol = protocol,
            AppChannelAddress = Single("app-channel-address") ?? "127.0.0.1",
            HttpPort = Port(Single("dapr-http-port"), "dapr-http-port") ?? 3500,
            GrpcPort = Port(Single("dapr-grpc-port"), "dapr-grpc-port") ?? 50001,
            MetricsPort = Port(Single("metrics-port"), "metrics-port"),
            ResourcesPaths = values.GetValueOrDefault("resources-path") ?? [],
            LogLevel = Level(Single("log-level") ?? "info"),
        };
    }

    private static int? Port(string? value, string flag)
    {
        if (value is null)
            return null;
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw new SidecarStartupException($"Flag '--{flag}' must be a port number (0 picks a free one), not '{value}'.");
        return port;
    }

    private static LogLevel Level(string value) => value.ToLowerInvariant() switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" => LogLevel.Critical,
        _ => throw new SidecarStartupException(
            $"Flag '--log-level' must be one of debug, info, warn, error, fatal, not '{value}'."),
    };
}
