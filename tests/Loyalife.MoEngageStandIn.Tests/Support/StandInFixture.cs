namespace Loyalife.MoEngageStandIn.Tests.Support;

/// <summary>One stand-in per test class; every test makes its own workspaces, so tests never share state.</summary>
public sealed class StandInFixture : IAsyncLifetime
{
    private RunningStandIn? _standIn;

    public RunningStandIn StandIn => _standIn ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => _standIn = await MoEngageStandInHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }
}
