namespace Loyalife.MoEngageStandIn.Tests.Support;

/// <summary>One stand-in per test class; every test makes its own workspaces, so tests never share state.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    private RunningStandIn? standIn;

    public RunningStandIn StandIn => standIn ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => standIn = await MoEngageStandInHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (standIn is not null)
        {
            await standIn.DisposeAsync();
        }
    }
}
