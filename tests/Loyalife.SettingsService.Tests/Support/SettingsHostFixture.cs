namespace Loyalife.SettingsService.Tests.Support;

/// <summary>One running settings-service per test class; each test takes its own program.</summary>
public sealed class SettingsHostFixture : IAsyncLifetime
{
    private SettingsServiceHost? host;

    public SettingsServiceHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    public async Task InitializeAsync() => host = await SettingsServiceHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
