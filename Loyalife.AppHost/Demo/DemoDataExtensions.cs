using Aspire.Hosting.ApplicationModel;

namespace Loyalife.AppHost.Demo;

public static class DemoDataExtensions
{
    /// <summary>AppHost configuration key for the demo programs' size (tests keep it small; the service's default otherwise).</summary>
    public const string MembersKey = "Demo:Members";

    /// <summary>snapshot-service generates the seeded demo programs into an empty ledger at start-up.</summary>
    public static IResourceBuilder<ProjectResource> WithDemoData(this IResourceBuilder<ProjectResource> snapshots)
    {
        snapshots.WithEnvironment("Demo__Enabled", "true");
        return snapshots.ApplicationBuilder.Configuration[MembersKey] is { Length: > 0 } members
            ? snapshots.WithEnvironment("Demo__Members", members)
            : snapshots;
    }
}
