namespace Loyalife.SnapshotService.Tests.Support;

/// <summary>The service started in demo mode: it creates the schema and generates the demo programs.</summary>
public sealed class DemoLedger : IAsyncLifetime
{
    public const int Members = 300;
    public const string ClosedDay = "2026-11-27";
    public static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-28T06:00:00Z");

    public SnapshotApp App { get; private set; } = null!;

    public async Task InitializeAsync() =>
        App = await SnapshotApp.StartAsync(Now, createSchema: false, new Dictionary<string, string>
        {
            ["Demo:Enabled"] = "true",
            ["Demo:Members"] = Members.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo:Seed"] = "7",
        });

    public async Task DisposeAsync() => await App.DisposeAsync();
}
