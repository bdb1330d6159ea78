using Loyalife.DaprSidecar.Cli;

namespace Loyalife.DaprSidecar.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void DaprdsFlagsAreReadInEverySpelling()
    {
        var options = SidecarCommandLine.Parse([
            "--app-id", "settings-service", "-app-port", "5080", "--app-protocol=http",
            "--app-channel-address", "localhost", "--dapr-http-port", "3501", "--dapr-grpc-port=50002",
            "--metrics-port", "9091", "--resources-path", "a", "--resources-path", "b", "--log-level", "debug",
        ]);

        Assert.Equal("settings-service", options.AppId);
        Assert.Equal(new Uri("http://localhost:5080"), options.AppBaseUri);
        Assert.Equal((3501, 50002, 9091), (options.HttpPort, options.GrpcPort, options.MetricsPort));
        Assert.Equal(["a", "b"], options.ResourcesPaths);
        Assert.Equal(LogLevel.Debug, options.LogLevel);
    }

    [Fact]
    public void DefaultsAreDaprds()
    {
        var options = SidecarCommandLine.Parse(["--app-id", "a"]);

        Assert.Equal((3500, 50001, (int?)null), (options.HttpPort, options.GrpcPort, options.AppPort));
        Assert.Equal("127.0.0.1", options.AppChannelAddress);
    }

    [Theory]
    [InlineData("--components-path", "x")]
    [InlineData("--app-idd", "x")]
    [InlineData("--placement-host-address", "localhost:50005")]
    public void AnUnknownFlagIsAnErrorNamingIt(string flag, string value)
    {
        var error = Assert.Throws<SidecarStartupException>(() => SidecarCommandLine.Parse(["--app-id", "a", flag, value]));

        Assert.Contains($"'{flag}'", error.Message);
    }

    [Theory]
    [InlineData("--app-port", "http")]
    [InlineData("--app-protocol", "grpc")]
    [InlineData("--log-level", "verbose")]
    public void AnUnusableValueIsAnError(string flag, string value)
    {
        Assert.Throws<SidecarStartupException>(() => SidecarCommandLine.Parse(["--app-id", "a", flag, value]));
    }

    [Fact]
    public void TheAppIdIsRequired()
    {
        var error = Assert.Throws<SidecarStartupException>(() => SidecarCommandLine.Parse(["--app-port", "5000"]));

        Assert.Contains("--app-id", error.Message);
    }

    [Fact]
    public async Task APortInUseIsAStartUpErrorNamingTheApp()
    {
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var env = new SidecarEnvironment { RegistryDirectory = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")) };

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            DaprSidecarHost.StartAsync(["--app-id", "busy", "--dapr-http-port", port, "--dapr-grpc-port", "0"], env));

        Assert.Contains("'busy' cannot listen", error.Message);
    }

    [Fact]
    public async Task MainExitsWithAnErrorOnAnUnknownFlag()
    {
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        try
        {
            Assert.Equal(1, await Program.Main(["--app-id", "a", "--bogus", "1"]));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.StartsWith("error: Unknown flag '--bogus'", stderr.ToString());
    }
}
