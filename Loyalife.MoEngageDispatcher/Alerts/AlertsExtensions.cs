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

        // Our own retries with back-off are the only ones: a resend behind the delivery record's back would go unrecorded.
        var allowLocalhost = WebhookClient.AllowsLocalhost(
            builder.Configuration.GetSection(AlertOptions.Section).Get<AlertOptions>() ?? new AlertOptions(), builder.Environment);
        builder.Services.AddHttpClientWithOwnRetries(WebhookClient.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookClient.CreateHandler(allowLocalhost));
        builder.Services.AddSingleton<WebhookClient>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSingleton<AlertMonitor>();
        builder.Services.AddSingleton<AlertSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<AlertSender>());
    }
}
