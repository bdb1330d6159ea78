namespace Loyalife.DaprSidecar;

/// <summary>
/// <c>dotnet Loyalife.DaprSidecar.dll --app-id my-app --app-port 5000 --resources-path ./components</c>:
/// the local Dapr-compatible sidecar as its own process, configured like daprd.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            await using var sidecar = await DaprSidecarHost.StartAsync(args);
            await sidecar.WaitForShutdownAsync();
            return 0;
        }
        catch (SidecarStartupException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }
}
