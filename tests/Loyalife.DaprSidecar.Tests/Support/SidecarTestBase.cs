namespace Loyalife.DaprSidecar.Tests.Support;

/// <summary>
/// A test class whose sidecars live as long as one test: xunit makes an instance per test and disposes it after.
/// </summary>
public abstract class SidecarTestBase(string? apiToken = null, string? appApiToken = null) : IAsyncDisposable
{
    protected TestSidecars Sidecars { get; } = new(apiToken, appApiToken);

    public virtual async ValueTask DisposeAsync() => await Sidecars.DisposeAsync();
}
