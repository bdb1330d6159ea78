namespace Loyalife.IdentityProvider;

/// <summary>A provider started by <see cref="IdentityProviderHost"/>; disposing stops it.</summary>
public sealed class RunningIdentityProvider(WebApplication app, Uri authority) : IAsyncDisposable
{
    /// <summary>E.g. <c>http://127.0.0.1:41234/</c>: the services' <c>Admin:Jwt:Authority</c>.</summary>
    public Uri Authority { get; } = authority;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
