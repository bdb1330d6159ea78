using Dapr.Client;

namespace Loyalife.MoEngageDispatcher.Alerts;

internal static class AlertsExtensions
{
    public static void AddAlerts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var daprEndpoint = builder.Configuration["DAPR_HTTP_ENDPOINT"];
        var daprToken = builder.Configuration["DAPR_API_TOKEN"];
        builder.Services.AddSingleton<IAlertTargetSource>(_ =>
            new DaprAlertTargetSource(DaprClient.CreateInvokeHttpClient(DaprSettingsSource.AppId, daprEndpoint, daprToken)));

        // Our own retries with back-off are the only ones: the default resilience handler would resend behind
        // the delivery record's back. RemoveAllResilienceHandlers is experimental; it is the documented way.
        var allowLocalhost = WebhookClient.AllowsLocalhost(
            builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions(), builder.Environment);
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(WebhookClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookClient.CreateHandler(allowLocalhost))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<WebhookClient>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AlertMonitor>();
        builder.Services.AddSingleton<AlertSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertSender>());
    }
}
