using Azure.Identity;
using Azure.Security.KeyVault.Secrets;

namespace Loyalife.SettingsService.Secrets;

public static class SecretStoreExtensions
{
    public static IHostApplicationBuilder AddSecretStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecretStoreOptions>().BindConfiguration(SecretStoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Secrets are read back only through Dapr's secret store; nothing else here needs a DaprClient.
        builder.Services.AddDaprClient((services, dapr) => ConfigureDapr(services.GetRequiredService<IConfiguration>(), dapr));
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

    // The SDK reads these from the process environment only; reading them from configuration as well lets
    // tests point one in-process app at its own sidecar without process-wide variables.
    private static void ConfigureDapr(IConfiguration configuration, DaprClientBuilder dapr)
    {
        if (configuration["DAPR_HTTP_ENDPOINT"] is { Length: > 0 } http)
        {
            dapr.UseHttpEndpoint(http);
        }

        if (configuration["DAPR_GRPC_ENDPOINT"] is { Length: > 0 } grpc)
        {
            dapr.UseGrpcEndpoint(grpc);
        }

        if (configuration["DAPR_API_TOKEN"] is { Length: > 0 } token)
        {
            dapr.UseDaprApiToken(token);
        }
    }
}
