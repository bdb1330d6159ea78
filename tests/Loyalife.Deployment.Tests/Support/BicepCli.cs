using System.Diagnostics;
using System.Reflection;

namespace Loyalife.Deployment.Tests.Support;

/// <summary>
/// Runs the Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package in the NuGet cache, so CI needs
/// neither the Azure CLI nor the internet. main.bicep is compiled once per test run and shared.
/// </summary>
internal static class BicepCli
{
    private static readonly Lazy<Task<BicepResult>> MainBuild = new(() => RunAsync("build", MainBicep, "--stdout"));

    public static string MainBicep => Path.Combine(DeploymentFiles.Infra, "main.bicep");

    /// <summary>`bicep build infra/main.bicep --stdout`: the ARM JSON on stdout, diagnostics on stderr.</summary>
    public static Task<BicepResult> BuildMainAsync() => MainBuild.Value;

    public static async Task<BicepResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DeploymentFiles.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new BicepResult(process.ExitCode, await stdout, await stderr);
    }

    private static string Executable()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "BicepPath").Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI was not found at '{path}'. Restore the test project " +
                "(dotnet restore tests/Loyalife.Deployment.Tests) so NuGet fetches Azure.Bicep.CommandLine.linux-x64.");
        }

        // NuGet does not promise to keep the execute bit when it extracts a package.
        if (!OperatingSystem.IsWindows() && !File.GetUnixFileMode(path).HasFlag(UnixFileMode.UserExecute))
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }

        return path;
    }
}
