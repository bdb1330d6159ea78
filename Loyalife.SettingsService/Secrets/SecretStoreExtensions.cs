using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Options;

namespace Loyalife.SettingsService.Secrets;

public static class SecretStoreExtensions
{
    public static IHostApplicationBuilder AddSecretStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecretStoreOptions>().BindConfiguration(SecretStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<SecretReader>();
        builder.Services.AddSingleton<LocalFileSecretWriter>();
        // Managed identity in Azure; developer credentials (az login) elsewhere.
        builder.Services.AddSingleton(services =>
            new SecretClient(new Uri(services.GetRequiredService<IOptions<SecretStoreOptions>>().Value.VaultUri!), new DefaultAzureCredential()));
        builder.Services.AddSingleton<KeyVaultSecretWriter>();
        builder.Services.AddSingleton<ISecretWriter>(services =>
            services.GetRequiredService<IOptions<SecretStoreOptions>>().Value.Kind switch
            {
                SecretStoreKind.KeyVault => services.GetRequiredService<KeyVaultSecretWriter>(),
                _ => services.GetRequiredService<LocalFileSecretWriter>(),
            });
        return builder;
    }
}
