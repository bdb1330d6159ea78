namespace Loyalife.AppHost.Demo;

public static class DemoDataExtensions
{
    /// <summary>AppHost configuration key for the demo programs' size (tests keep it small; the demo ledger's default otherwise).</summary>
    public const string MembersKey = "Demo:Members";

    /// <summary>
    /// The demo ledger (dev/Loyalife.DemoLedger): creates the ledger schema, generates the seeded demo
    /// programs into an empty ledger, and exits. Production has no such resource: Loyalife's core owns the ledger.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddDemoLedger(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<IResourceWithConnectionString> database)
    {
        var demoLedger = builder.AddProject<Projects.Loyalife_DemoLedger>(name)
            .WithReference(database).WaitFor(database);
        return builder.Configuration[MembersKey] is { Length: > 0 } members
            ? demoLedger.WithEnvironment("Demo__Members", members)
            : demoLedger;
    }
}
