using System.Diagnostics;

namespace Loyalife.AppHost.Infrastructure;

/// <summary>Finds and runs the machine's own programs (PostgreSQL, Redis, the container CLI, daprd).</summary>
internal static class MachineProgram
{
    /// <summary>PostgreSQL's Debian packages keep the server binaries off PATH, newest version first.</summary>
    public static IEnumerable<string> PostgresBinDirectories =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin"))
            : [];

    /// <summary>PostgreSQL refuses to run as root, so a root AppHost runs it as the postgres user.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    public static string? Find(string program, IEnumerable<string>? extraDirectories = null)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(extraDirectories ?? [])
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs a short command to completion; answers its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{program} did not finish within {timeout.TotalSeconds:0} s");
        }

        return (process.ExitCode, (await output) + (await error));
    }

    /// <summary>Runs a setup command and fails with its output when it fails.</summary>
    public static async Task RunCheckedAsync(string program, IReadOnlyList<string> arguments, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("{Program} {Arguments}", program, string.Join(' ', arguments));
        var (exitCode, output) = await RunAsync(program, arguments, TimeSpan.FromMinutes(2), cancellationToken);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({exitCode}): {output.Trim()}");
        }
    }
}
