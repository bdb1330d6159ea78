using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.SettingsService.MoEngage;

public static class MoEngageExtensions
{
    public static IHostApplicationBuilder AddMoEngageChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MoEngageOptions>().BindConfiguration(MoEngageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        AsSaveCheck(builder.Services.AddHttpClient<ConnectionTester>(), nameof(ConnectionTester));
        AsSaveCheck(builder.Services.AddHttpClient<GetUserProbe>(), nameof(GetUserProbe));
        return builder;
    }

    private static void AsSaveCheck(IHttpClientBuilder client, string name)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to opt one client out.
        // The checks run while an admin waits on Save: one attempt and a clear answer beat the default
        // retries, and a retried 401 would only say the same thing three times.
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        // The Basic credentials carry the API key; they must never reach a log record, its message or its state.
        client.RemoveAllLoggers().AddLogger(services =>
            new HeaderNamesHttpLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger("System.Net.Http.HttpClient." + name)));
    }
}
