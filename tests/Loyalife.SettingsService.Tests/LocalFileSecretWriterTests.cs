using Microsoft.Extensions.Options;

namespace Loyalife.SettingsService.Tests;

public sealed class LocalFileSecretWriterTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("settings-secrets-").FullName;

    private string FilePath => Path.Combine(directory, "nested", "dapr-secrets.json");

    [Fact]
    public async Task WritesAFlatJsonObjectReadableByItsOwnerOnly()
    {
        var writer = Writer();
        await writer.WriteAsync("first", "one", default);
        await writer.WriteAsync("second", "two", default);
        await writer.WriteAsync("first", "uno", default);

        Assert.Equal(new Dictionary<string, string> { ["first"] = "uno", ["second"] = "two" }, Read());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(FilePath));
        }

        Assert.Equal([Path.GetFileName(FilePath), Path.GetFileName(FilePath) + ".lock"],
            Directory.GetFiles(Path.GetDirectoryName(FilePath)!).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task KeepsEntriesItDidNotWrite()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        await File.WriteAllTextAsync(FilePath, """{"other":"kept"}""");
        await Writer().WriteAsync("mine", "value", default);
        await Writer().DeleteAsync("missing", default);

        Assert.Equal(new Dictionary<string, string> { ["other"] = "kept", ["mine"] = "value" }, Read());
    }

    [Fact]
    public async Task ConcurrentWritersLoseNothing()
    {
        var writers = new[] { Writer(), Writer() };
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => writers[i % 2].WriteAsync($"s{i}", $"v{i}", default))));
        await writers[0].DeleteAsync("s0", default);

        var secrets = Read();
        Assert.Equal(39, secrets.Count);
        Assert.Equal("v39", secrets["s39"]);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private LocalFileSecretWriter Writer() => new(Options.Create(new SecretStoreOptions { FilePath = FilePath }));

    private Dictionary<string, string> Read() => JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath))!;
}
