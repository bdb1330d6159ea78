namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>
/// A dispatcher trusting a <see cref="TestIssuer"/> beside its admin token, with one program (<see cref="ProgramId"/>)
/// that has a finished dry run (<see cref="RunId"/>), for the access tables' callers to ask about.
/// </summary>
public sealed class SignedInDispatcherFixture : IAsyncLifetime
{
    private readonly Environment environment = new();

    public TestIssuer Issuer { get; private set; } = null!;

    public DispatcherApp App { get; private set; } = null!;

    public string ProgramId { get; private set; } = "";

    public Guid RunId { get; private set; }

    public async Task InitializeAsync()
    {
        await environment.InitializeAsync();
        Issuer = await TestIssuer.StartAsync();
        App = environment.Dispatcher(settings: new Dictionary<string, string?>(Issuer.Settings));
        ProgramId = (await environment.ProgramAsync(members: 3, events: 1)).ProgramId;
        using var admin = App.Admin();
        using var started = await admin.PostAsJsonAsync($"/v1/programs/{ProgramId}/sync-runs",
            new { businessDate = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd"), dryRun = true });
        RunId = (await started.Content.ReadFromJsonAsync<SyncRunAccepted>())!.RunId;
        await App.WaitForRunsAsync(ProgramId);
    }

    /// <summary>A client signed in as <paramref name="caller"/>, "the program" being <see cref="ProgramId"/>.</summary>
    public HttpClient As(AccessCaller caller)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AccessTable.TokenOf(Issuer, caller, ProgramId));
        return client;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Issuer.DisposeAsync();
        await environment.DisposeAsync();
    }
}
