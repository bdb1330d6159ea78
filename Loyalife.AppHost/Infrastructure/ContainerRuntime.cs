namespace Loyalife.AppHost.Infrastructure;

/// <summary>Asks the container CLIs whether an engine answers; a CLI without a daemon does not count.</summary>
internal static class ContainerRuntime
{
    public static string? FindAnswering()
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            if (MachineProgram.Find(cli) is not { } path)
            {
                continue;
            }

            var (exitCode, _) = MachineProgram.RunAsync(path, ["info"], TimeSpan.FromSeconds(10)).GetAwaiter().GetResult();
            if (exitCode == 0)
            {
                return cli;
            }
        }

        return null;
    }
}
