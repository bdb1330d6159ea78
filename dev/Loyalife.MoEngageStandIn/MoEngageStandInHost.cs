using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Loyalife.MoEngageStandIn;

/// <summary>Starts the stand-in inside a test process, on Kestrel at 127.0.0.1 and a free port.</summary>
public static class MoEngageStandInHost
{
    public static Task<RunningStandIn> StartAsync(CancellationToken ct = default) =>
        StartAsync(new Dictionary<string, string?>(), ct);

    /// <summary>With configuration on top of the defaults, e.g. <c>StandIn:Workspaces:0:AppId</c>.</summary>
    public static Task<RunningStandIn> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> configuration, CancellationToken ct = default) =>
        StartAsync(configuration, null, ct);

    /// <summary>With a clock of the test's own (e.g. to step past a processing delay).</summary>
    internal static async Task<RunningStandIn> StartAsync(
        IEnumerable<KeyValuePair<string, string?>> configuration, TimeProvider? time, CancellationToken ct = default)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(
            [new KeyValuePair<string, string?>("Logging:LogLevel:Default", "Warning"), .. configuration]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

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

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        return new RunningStandIn(app, new Uri(address));
    }
}
