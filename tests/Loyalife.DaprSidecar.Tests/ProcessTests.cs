using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Loyalife.DaprSidecar.Tests;

/// <summary>The sidecar as the AppHost runs it: its own process, configured by flags and environment.</summary>
public sealed class ProcessTests : SidecarTestBase
{
    private Process? process;

    public override async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
            process.Kill(entireProcessTree: true);
        process?.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task AProcessSidecarIsFoundThroughTheRegistryAndUnregistersOnSigterm()
    {
        var app = await Sidecars.StartAppAsync();
        var registry = Sidecars.Environment.RegistryDirectory!;
        process = Start(["--app-id", "proc-callee", "--app-port", app.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--dapr-http-port", "0", "--dapr-grpc-port", "0", "--log-level", "warn"], registry, appApiToken: "proc-app-token");
        var entry = Path.Combine(registry, "proc-callee.json");
        await WaitUntilAsync(() => File.Exists(entry));
        var caller = await Sidecars.StartAsync("caller");

        using var response = await Sidecars.Invoker(caller, "proc-callee").GetAsync("/echo/from-another-process");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("proc-app-token", Assert.Single(app.Received).Headers["dapr-api-token"]);

        Assert.Equal(0, Kill(process.Id, SigTerm));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, process.ExitCode);
        Assert.False(File.Exists(entry));
    }

    // What the AppHost (DCP) sends on stop; .NET itself can only send SIGKILL.
    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static Process Start(string[] args, string registry, string appApiToken)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Loyalife.DaprSidecar.dll"));
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["LOYALIFE_DAPR_REGISTRY"] = registry;
        info.Environment["APP_API_TOKEN"] = appApiToken;
        info.Environment.Remove("DAPR_API_TOKEN");
        info.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the sidecar process did not register within 20 s");
            await Task.Delay(50);
        }
    }
}
