namespace Loyalife.SettingsService.Tests.Support;

/// <summary>
/// settings-service trusting a <see cref="TestIssuer"/> beside its admin token, with two programs a table's
/// callers hold: <see cref="Configured"/> (MoEngage settings saved by the admin token) and <see cref="Bare"/> (none).
/// </summary>
public sealed class SignedInSettingsFixture : IAsyncLifetime
{
    public const string ApiKey = "AccessKey0123456789";

    public TestIssuer Issuer { get; private set; } = null!;

    public SettingsServiceHost Host { get; private set; } = null!;

    public string Configured { get; private set; } = "";

    public string Bare { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Issuer = await TestIssuer.StartAsync();
        Host = await SettingsServiceHost.StartAsync(Issuer.Settings);
        Configured = await Host.NewProgramWithWorkspaceAsync("APPACCESS01", "01", ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await Host.SaveMoEngageAsync(Configured, IntegrationBody.Enabled("APPACCESS01", ApiKey, "01"))).StatusCode);
        Bare = await Host.NewProgramAsync();
    }

    /// <summary>A client signed in as <paramref name="caller"/>, "the program" being both of this fixture's.</summary>
    public HttpClient As(AccessCaller caller) => Host.Client(AccessTable.TokenOf(Issuer, caller, Configured, Bare));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
