using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Loyalife.IdentityProvider;

/// <summary>Starts the provider inside a test process, on Kestrel at 127.0.0.1.</summary>
public static class IdentityProviderHost
{
    /// <param name="port">0 for any free port; a fixed one when a client must know the authority before the provider starts.</param>
    /// <param name="configuration">On top of the defaults, e.g. <c>IdentityProvider:AdminPage:RedirectUris:0</c>.</param>
    public static async Task<RunningIdentityProvider> StartAsync(
        int port, IEnumerable<KeyValuePair<string, string?>> configuration, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(
            [new KeyValuePair<string, string?>("Logging:LogLevel:Default", "Warning"), .. configuration]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

        var app = Program.Build(builder);
        try
        {
            await app.StartAsync(ct);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new RunningIdentityProvider(app, new Uri(address));
    }
}
