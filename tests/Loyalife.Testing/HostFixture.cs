namespace Loyalife.Testing;

/// <summary>
/// One running host shared by the tests of a class (an xunit class fixture): started before the first test,
/// disposed after the last. A project names its own fixture by saying how its host starts.
/// </summary>
public abstract class HostFixture<THost>(Func<Task<THost>> start) : IAsyncLifetime
    where THost : class, IAsyncDisposable
{
    private THost? host;

    public THost Host => host ?? throw new InvalidOperationException($"The {typeof(THost).Name} has not started.");

    public async Task InitializeAsync() => host = await start();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
