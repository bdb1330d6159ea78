namespace Loyalife.Deployment.Tests.Support;

/// <summary>The projects the AppHost runs, read from its source: resource name → project.</summary>
internal static partial class AppHostResources
{
    /// <summary>Resource name → generated project type, e.g. settings-service → Loyalife_SettingsService.</summary>
    public static IReadOnlyDictionary<string, string> Projects()
    {
        var source = Directory.EnumerateFiles(DeploymentFiles.AppHost, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText);
        return source.SelectMany(text => AddProject().Matches(text))
            .ToDictionary(match => match.Groups["name"].Value, match => match.Groups["project"].Value);
    }

    [GeneratedRegex("""AddProject<\s*Projects\.(?<project>\w+)\s*>\(\s*"(?<name>[^"]+)"\s*[,)]""")]
    private static partial Regex AddProject();
}
