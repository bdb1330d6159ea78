namespace Loyalife.AppHost;

/// <summary>Where the AppHost keeps its working data and finds the repository's shared folders.</summary>
public static class AppHostPaths
{
    /// <summary>Configuration key that moves the data folder (tests give each run its own).</summary>
    public const string DataDirectoryKey = "AppHost:DataDirectory";

    /// <summary>
    /// The AppHost's data folder: local PostgreSQL's cluster, the local secret store file and the sidecars'
    /// registry live here, so one folder holds everything a run leaves behind (and .gitignore covers it).
    /// </summary>
    public static string GetDataDirectory(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(builder.AppHostDirectory, ".data"));

    public static string GetRepositoryRoot(this IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
}
