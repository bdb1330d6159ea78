namespace Loyalife.Deployment.Tests;

/// <summary>
/// docs/architecture.md is the map a newcomer reads first: every endpoint group a service maps must be on it,
/// and every source file it names must exist, so the map cannot drift from the code unnoticed.
/// </summary>
public sealed partial class ArchitectureMapTests
{
    private static readonly string Map = File.ReadAllText(Path.Combine(Repository.Root, "docs", "architecture.md"));

    public static TheoryData<string> Services() =>
        new(Directory.GetDirectories(Repository.Root, "Loyalife.*")
            .Where(directory => File.Exists(Path.Combine(directory, "Program.cs")) && !directory.EndsWith(".AppHost", StringComparison.Ordinal))
            .Select(Path.GetFileName)
            .Order()!);

    [Theory]
    [MemberData(nameof(Services))]
    public void EveryMapCallInAServicesProgramIsOnTheMap(string service)
    {
        var program = File.ReadAllText(Path.Combine(Repository.Root, service, "Program.cs"));
        var maps = MapCall().Matches(program).Select(match => match.Groups["name"].Value).ToList();

        Assert.NotEmpty(maps);
        Assert.All(maps, map => Assert.True(Map.Contains($"`{map}`", StringComparison.Ordinal),
            $"{service}/Program.cs calls {map}, which docs/architecture.md does not name (write it as `{map}`)."));
    }

    [Fact]
    public void EverySourceFileTheMapNamesExists()
    {
        var tracked = Directory.EnumerateFiles(Repository.Root, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => "/" + Path.GetRelativePath(Repository.Root, path).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
        // The map names files relative to the repository or, within a service's section, to that service.
        var named = NamedFile().Matches(Map).Select(match => match.Groups["path"].Value).Distinct().ToList();

        Assert.NotEmpty(named);
        Assert.All(named, path => Assert.True(tracked.Any(file => file.EndsWith("/" + path, StringComparison.Ordinal)),
            $"docs/architecture.md names `{path}`, which is no file of the repository."));
    }

    [GeneratedRegex(@"\bapp\.(?<name>Map\w+)\(")]
    private static partial Regex MapCall();

    [GeneratedRegex(@"`(?<path>[\w./-]+\.(?:cs|sql|yaml|bicep|js|html|css|sh))`")]
    private static partial Regex NamedFile();
}
