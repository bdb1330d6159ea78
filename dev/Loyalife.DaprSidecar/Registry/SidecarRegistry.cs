using System.Text.Json;

namespace Loyalife.DaprSidecar.Registry;

/// <summary>
/// Name resolution for the sidecars on this machine: a directory of <c>{appId}.json</c> files, the
/// local stand-in for daprd's mDNS. Entries whose process has gone are stale and ignored.
/// </summary>
internal sealed class SidecarRegistry(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Directory { get; } = directory;

    public void Register(RegistryEntry entry)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var temp = Path.Combine(Directory, $".{entry.AppId}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temp, JsonSerializer.Serialize(entry, Json));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, PathOf(entry.AppId), overwrite: true);
    }

    public void Unregister(RegistryEntry entry)
    {
        // Only remove our own entry: a newer sidecar for the same app may have replaced it.
        if (Find(entry.AppId)?.HopKey == entry.HopKey)
            File.Delete(PathOf(entry.AppId));
    }

    public RegistryEntry? Find(string appId)
    {
        if (appId.Length == 0 || appId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || appId.StartsWith('.'))
            return null;
        try
        {
            var entry = JsonSerializer.Deserialize<RegistryEntry>(File.ReadAllText(PathOf(appId)), Json);
            return entry is not null && IsAlive(entry.ProcessId) ? entry : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string PathOf(string appId) => Path.Combine(Directory, appId + ".json");

    private static bool IsAlive(int processId)
    {
        if (processId == Environment.ProcessId)
            return true;
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
