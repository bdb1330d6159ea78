using Azure;
using Azure.Security.KeyVault.Secrets;

namespace Loyalife.SettingsService.Tests;

public sealed class KeyVaultSecretWriterTests
{
    [Fact]
    public async Task WritesAndSoftDeletesThroughTheSecretClient()
    {
        var vault = new RecordingSecretClient();
        var writer = new KeyVaultSecretWriter(vault);

        await writer.WriteAsync("moengage-api-key-abc-1", "value-1", default);
        await writer.DeleteAsync("moengage-api-key-abc-0", default);

        Assert.Equal(["set moengage-api-key-abc-1=value-1", "delete moengage-api-key-abc-0"], vault.Calls);
    }

    [Fact]
    public async Task DeletingASecretThatIsAlreadyGoneIsNotAnError()
    {
        var writer = new KeyVaultSecretWriter(new RecordingSecretClient { Missing = true });

        await writer.DeleteAsync("moengage-api-key-gone", default);
    }

    // SecretClient's members are virtual for exactly this; no vault is reachable from a test.
    private sealed class RecordingSecretClient : SecretClient
    {
        public List<string> Calls { get; } = [];

        public bool Missing { get; init; }

        public override Task<Response<KeyVaultSecret>> SetSecretAsync(KeyVaultSecret secret, CancellationToken cancellationToken = default)
        {
            Calls.Add($"set {secret.Name}={secret.Value}");
            return Task.FromResult<Response<KeyVaultSecret>>(null!);
        }

        public override Task<DeleteSecretOperation> StartDeleteSecretAsync(string name, CancellationToken cancellationToken = default)
        {
            if (Missing)
            {
                throw new RequestFailedException(404, "SecretNotFound");
            }

            Calls.Add($"delete {name}");
            return Task.FromResult<DeleteSecretOperation>(null!);
        }
    }
}
