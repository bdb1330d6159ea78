using System.Text.Json.Nodes;

namespace Loyalife.SettingsService.Secrets;

/// <summary>
/// Writes the flat <c>{"name": "value"}</c> JSON file that the local Dapr secret store reads. The file is
/// replaced whole (temp file + rename) so a sidecar re-reading it never sees half a file, is readable by
/// its owner only, and writers queue up: in-process on a semaphore, across processes on a lock file.
/// </summary>
public sealed class LocalFileSecretWriter(IOptions<SecretStoreOptions> options) : ISecretWriter
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Another process holds the lock only while it rewrites a small file (milliseconds): look again this often, and
    // give up with its IOException after about five seconds, which only a writer that hangs while holding it explains.
    private static readonly TimeSpan LockRetryDelay = TimeSpan.FromMilliseconds(25);
    private const int LockRetries = 200;
    private readonly SemaphoreSlim gate = new(1, 1);

    private string FilePath => options.Value.FilePath!;

    public Task WriteAsync(string name, string value, CancellationToken ct) =>
        UpdateAsync(secrets => secrets[name] = value, ct);

    public Task DeleteAsync(string name, CancellationToken ct) =>
        UpdateAsync(secrets => secrets.Remove(name), ct);

    private async Task UpdateAsync(Action<JsonObject> change, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            await using var crossProcessLock = await AcquireLockFileAsync(ct);
            var secrets = await ReadAsync(ct);
            change(secrets);
            await ReplaceAsync(secrets, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<JsonObject> ReadAsync(CancellationToken ct)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        await using var stream = File.OpenRead(FilePath);
        return stream.Length == 0 ? [] : (await JsonNode.ParseAsync(stream, cancellationToken: ct))?.AsObject() ?? [];
    }

    private async Task ReplaceAsync(JsonObject secrets, CancellationToken ct)
    {
        var temporary = $"{FilePath}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = new FileStream(temporary, CreateOptions()))
            {
                await JsonSerializer.SerializeAsync(stream, secrets, new JsonSerializerOptions { WriteIndented = true }, ct);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, FilePath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<FileStream> AcquireLockFileAsync(CancellationToken ct)
    {
        // FileShare.None takes an exclusive advisory lock on Unix; another writer process waits here.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var options = CreateOptions();
                options.Mode = FileMode.OpenOrCreate;
                options.Share = FileShare.None;
                return new FileStream(FilePath + ".lock", options);
            }
            catch (IOException) when (attempt < LockRetries)
            {
                await Task.Delay(LockRetryDelay, ct);
            }
        }
    }

    private static FileStreamOptions CreateOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return options;
    }
}
