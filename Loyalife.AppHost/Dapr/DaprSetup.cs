using System.Reflection;
using System.Runtime.CompilerServices;

namespace Loyalife.AppHost.Dapr;

/// <summary>What every sidecar of one AppHost shares: the runtime, the components and the per-run folders.</summary>
internal sealed class DaprSetup
{
    public const string RuntimeKey = "Dapr:Runtime";
    public const string ResourcesPathKey = "Dapr:ResourcesPath";
    public const string SecretsFileName = "dapr-secrets.json";

    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, DaprSetup> Setups = [];

    private DaprSetup(IDistributedApplicationBuilder builder)
    {
        WorkingDirectory = builder.GetDataDirectory();
        ResourcesPath = Path.GetFullPath(builder.Configuration[ResourcesPathKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.GetRepositoryRoot(), "components"));
        RegistryDirectory = Path.Combine(WorkingDirectory, "dapr-registry", $"{DateTime.UtcNow:yyyyMMddTHHmmss}-{Environment.ProcessId}");
        (Runtime, Command, LeadingArguments, Reason) = ChooseRuntime(ConfiguredChoice.Read(builder, RuntimeKey, DaprRuntime.Auto));

        builder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            PrepareWorkingDirectory();
            return Task.CompletedTask;
        });
    }

    public DaprRuntime Runtime { get; }

    public string Command { get; }

    /// <summary>Arguments before daprd's flags (the local sidecar's assembly for <c>dotnet</c>).</summary>
    public IReadOnlyList<string> LeadingArguments { get; }

    public string Reason { get; }

    /// <summary>The sidecars' working directory, so <c>secretsFile: dapr-secrets.json</c> resolves here.</summary>
    public string WorkingDirectory { get; }

    public string ResourcesPath { get; }

    /// <summary>Where this run's local sidecars find each other; a new folder per run, so none sees stale entries.</summary>
    public string RegistryDirectory { get; }

    public string SecretsFile => Path.Combine(WorkingDirectory, SecretsFileName);

    public static DaprSetup For(IDistributedApplicationBuilder builder) => Setups.GetValue(builder, b => new DaprSetup(b));

    private static (DaprRuntime, string, IReadOnlyList<string>, string) ChooseRuntime(DaprRuntime requested)
    {
        var daprd = FindDaprd();
        return requested switch
        {
            DaprRuntime.Daprd => (DaprRuntime.Daprd, daprd ?? "daprd", [], $"{RuntimeKey}={requested}"),
            DaprRuntime.Local => Local($"{RuntimeKey}={requested}"),
            _ when daprd is not null => (DaprRuntime.Daprd, daprd, [], $"daprd found at {daprd}"),
            _ => Local("daprd not found on PATH or in ~/.dapr/bin"),
        };

        static (DaprRuntime, string, IReadOnlyList<string>, string) Local(string reason) =>
            (DaprRuntime.Local, Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", [LocalSidecarAssembly()], reason);
    }

    private static string? FindDaprd()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append(Path.Combine(home, ".dapr", "bin"))
            .Select(directory => Path.Combine(directory, "daprd"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The local sidecar's build output, which the AppHost's build records (see the .csproj).</summary>
    private static string LocalSidecarAssembly() =>
        typeof(DaprSetup).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LocalDaprSidecarAssembly")?.Value
        ?? throw new InvalidOperationException("The AppHost was built without the local Dapr sidecar's path; rebuild Loyalife.AppHost.");

    private void PrepareWorkingDirectory()
    {
        Directory.CreateDirectory(WorkingDirectory);
        // The secret store component fails to load without its file; settings-service fills it later.
        if (!File.Exists(SecretsFile))
        {
            File.WriteAllText(SecretsFile, "{}");
        }

        var registries = Path.GetDirectoryName(RegistryDirectory)!;
        if (Directory.Exists(registries))
        {
            // Earlier runs' registries: one AppHost owns a data folder at a time (its PostgreSQL cluster locks it).
            foreach (var stale in Directory.GetDirectories(registries))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        Directory.CreateDirectory(RegistryDirectory);
    }
}
