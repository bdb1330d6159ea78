namespace Loyalife.AppHost.Infrastructure;

/// <summary>Asks the container CLIs whether an engine answers; a CLI without a daemon does not count.</summary>
internal static class ContainerRuntime
{
    public static async Task<string?> FindAnsweringAsync()
    {
        foreach (var cli in new[] { "docker", "podman" })
        {
            if (MachineProgram.Find(cli) is not { } path)
            {
                continue;
            }

            var (exitCode, _) = await MachineProgram.RunAsync(path, ["info"], TimeSpan.FromSeconds(10));
            if (exitCode == 0)
            {
                return cli;
            }
        }

        return null;
    }
}
