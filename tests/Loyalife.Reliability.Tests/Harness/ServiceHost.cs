using System.Net;
using Loyalife.DaprSidecar;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalife.Reliability.Tests.Harness;

/// <summary>
/// One service in-process on a fixed loopback port, so it can be stopped and started again where its
/// sidecar (which knows the port) still finds it.
/// </summary>
public sealed class ServiceHost<TProgram> : IAsyncDisposable
    where TProgram : class
{
    private readonly Dictionary<string, string?> settings;
    private WebApplicationFactory<TProgram>? factory;

    public ServiceHost(int port, Dictionary<string, string?> settings)
    {
        Port = port;
        this.settings = settings;
        Url = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri Url { get; }

    public bool Running => factory is not null;

    public IServiceProvider Services => factory?.Services ?? throw new InvalidOperationException("the service is stopped");

    /// <summary>Starts the service; <paramref name="abruptStop"/> makes a later stop abandon work in flight instead of draining it.</summary>
    public void Start(bool abruptStop = false)
    {
        if (factory is not null)
        {
            throw new InvalidOperationException("already running");
        }

        var created = new WebApplicationFactory<TProgram>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in settings)
            {
                web.UseSetting(key, value);
            }

            web.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            if (abruptStop)
            {
                // The host stops waiting for hosted services at once and disposes their dependencies under them:
                // the closest in-process thing to a kill.
                web.ConfigureTestServices(services => services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.Zero));
            }
        });
        created.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        created.StartServer();
        factory = created;
    }

    public async Task StopAsync()
    {
        var running = factory;
        factory = null;
        if (running is not null)
        {
            try
            {
                await running.DisposeAsync();
            }
            catch (Exception exception) when (exception is OperationCanceledException or AggregateException)
            {
                // An abrupt stop reports the hosted services it did not wait for; that is the point of it.
            }
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}
