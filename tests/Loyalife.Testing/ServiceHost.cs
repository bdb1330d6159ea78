using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalife.Testing;

/// <summary>
/// The one way every test project runs a service in-process: configured only through its settings, as
/// the AppHost configures it, plus whatever <c>configure</c> swaps in (a clock, captured logs, a handler).
/// Without a port it runs in memory (TestServer); with one it listens on that loopback port, so real
/// sidecars reach it, and it can be stopped and started again where its sidecar still finds it (port 0
/// picks a free port once).
/// </summary>
public class ServiceHost<TProgram> : IAsyncDisposable
    where TProgram : class
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IWebHostBuilder>? configure;
    private readonly List<ServiceHost<TProgram>> derived = [];
    private WebApplicationFactory<TProgram>? factory;
    private bool stopped;

    public ServiceHost(int? port, IReadOnlyDictionary<string, string?> settings, Action<IWebHostBuilder>? configure = null)
    {
        Port = port;
        this.settings = settings;
        this.configure = configure;
    }

    /// <summary>The loopback port it listens on; null in memory. Port 0 becomes the real port at the first start.</summary>
    public int? Port { get; private set; }

    /// <summary>Where it listens; only with a port.</summary>
    public Uri Url => Port is { } port and not 0
        ? new Uri($"http://127.0.0.1:{port}")
        : throw new InvalidOperationException("the service runs in memory or has not started");

    public bool Running => factory is not null;

    /// <summary>The service's container; starts the service on first use, like WebApplicationFactory.</summary>
    public IServiceProvider Services => Started().Services;

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

            configure?.Invoke(web);
        });
        if (Port is { } port)
        {
            created.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        try
        {
            created.StartServer();
        }
        catch
        {
            // Clean up without letting a clean-up error hide why the start failed.
            try
            {
                created.Dispose();
            }
            catch (Exception)
            {
            }

            throw;
        }

        factory = created;
        stopped = false;
        if (Port == 0)
        {
            var address = created.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            Port = new Uri(address).Port;
        }
    }

    /// <summary>A client for the service: in memory through TestServer, otherwise over the loopback port.</summary>
    public HttpClient CreateClient() => Started().CreateClient();

    /// <summary>Another host of the same service with more configuration on top; it is stopped with this one.</summary>
    public ServiceHost<TProgram> WithWebHostBuilder(Action<IWebHostBuilder> more)
    {
        var host = new ServiceHost<TProgram>(Port, settings, web =>
        {
            configure?.Invoke(web);
            more(web);
        });
        derived.Add(host);
        return host;
    }

    public async Task StopAsync()
    {
        var running = factory;
        factory = null;
        stopped = true;
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

    public async ValueTask DisposeAsync()
    {
        foreach (var host in derived)
        {
            await host.DisposeAsync();
        }

        await StopAsync();
        GC.SuppressFinalize(this);
    }

    private WebApplicationFactory<TProgram> Started()
    {
        if (factory is null && !stopped)
        {
            Start();
        }

        return factory ?? throw new InvalidOperationException("the service is stopped");
    }
}
