using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.SettingsService.MoEngage;

public static class MoEngageExtensions
{
    public static IHostApplicationBuilder AddMoEngageConnectionTester(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MoEngageOptions>().BindConfiguration(MoEngageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
        builder.Services.AddHttpClient<ConnectionTester>()
            // Test Connection runs while an admin waits on Save: one attempt and a clear answer beat
            // the default retries, and a retried 401 would only say the same thing three times.
            .RemoveAllResilienceHandlers()
            // The Basic credentials carry the API key; they must never reach a log line.
            .RedactLoggedHeaders(header => header.Equals("Authorization", StringComparison.OrdinalIgnoreCase));
#pragma warning restore EXTEXP0001
        return builder;
    }
}
