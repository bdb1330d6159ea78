using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Loyalife.AppHost.MoEngage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Loyalife.AppHost.Demo;

public static class DemoIntegrationExtensions
{
    public const string ProgramId = "demo";

    /// <summary>How long the demo program may take to appear (snapshot-service generates it after it starts listening).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Once settings-service is healthy, points the demo program's MoEngage integration at the stand-in's demo
    /// workspace through settings-service's own admin API (so the key goes to the secret store and the change
    /// is audited like any admin's), unless it already is. Only while <c>moengage-api-base-url</c> is the
    /// stand-in: the demo key means nothing to the real MoEngage.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoIntegration(
        this IResourceBuilder<ProjectResource> settings, IResourceBuilder<ParameterResource> adminToken, IResourceBuilder<ProjectResource> standIn)
    {
        settings.ApplicationBuilder.Services.AddHttpClient();
        return settings.OnResourceReady((resource, e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            // In the background: ready handlers hold up the AppHost's start-up, and this may wait for the demo data.
            _ = ConfigureAsync(resource, adminToken.Resource, standIn.Resource, e.Services, logger, stopping);
            return Task.CompletedTask;
        });
    }

    private static async Task ConfigureAsync(
        ProjectResource settings, ParameterResource adminToken, ProjectResource standIn, IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Patience);
        try
        {
            var model = services.GetRequiredService<DistributedApplicationModel>();
            var apiBaseUrl = model.Resources.OfType<ParameterResource>().Single(p => p.Name == StandInExtensions.ApiBaseUrlParameterName);
            if (await apiBaseUrl.GetValueAsync(timeout.Token) != StandInExtensions.StandInValue)
            {
                logger.LogInformation("Demo program '{Program}' left unconfigured: {Parameter} is not the stand-in", ProgramId, apiBaseUrl.Name);
                return;
            }

            // Saving checks the key against MoEngage, here the stand-in.
            await services.GetRequiredService<ResourceNotificationService>().WaitForResourceHealthyAsync(standIn.Name, timeout.Token);
            using var http = services.GetRequiredService<IHttpClientFactory>().CreateClient();
            http.BaseAddress = new Uri(settings.GetEndpoint("http").Url);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await adminToken.GetValueAsync(timeout.Token));
            var path = $"/v1/programs/{ProgramId}/integrations/moengage";

            while (true)
            {
                using (var current = await http.GetAsync(path, timeout.Token))
                {
                    if (current.IsSuccessStatusCode && IsDemoWorkspace(await current.Content.ReadFromJsonAsync<JsonElement>(timeout.Token)))
                    {
                        logger.LogInformation("Demo program '{Program}' already syncs to the stand-in's workspace {AppId}", ProgramId, DemoWorkspace.AppId);
                        return;
                    }
                }

                using var saved = await http.PutAsJsonAsync(path, new
                {
                    enabled = true,
                    appId = DemoWorkspace.AppId,
                    apiKey = DemoWorkspace.ApiKey,
                    dashboardUrl = DemoWorkspace.DashboardUrl,
                }, timeout.Token);
                if (saved.IsSuccessStatusCode)
                {
                    logger.LogInformation("Demo program '{Program}' now syncs to the stand-in's workspace {AppId} (data centre {DataCenter})",
                        ProgramId, DemoWorkspace.AppId, DemoWorkspace.DataCenter);
                    return;
                }

                // 404: snapshot-service has not generated the demo programs yet. Anything else will not get better.
                if (saved.StatusCode != HttpStatusCode.NotFound)
                {
                    // Problem details never echo the key.
                    logger.LogWarning("Demo program '{Program}' could not be configured: settings-service answered {Status}: {Problem}",
                        ProgramId, (int)saved.StatusCode, await saved.Content.ReadAsStringAsync(timeout.Token));
                    return;
                }

                await Task.Delay(RetryDelay, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            logger.LogWarning("Demo program '{Program}' was not configured within {Patience}: it does not exist in loyalty.programs", ProgramId, Patience);
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or DistributedApplicationException)
        {
            logger.LogWarning("Demo program '{Program}' could not be configured: {Reason}", ProgramId, exception.Message);
        }
    }

    private static bool IsDemoWorkspace(JsonElement settings) =>
        settings.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True
        && settings.TryGetProperty("appId", out var appId) && appId.GetString() == DemoWorkspace.AppId
        && settings.TryGetProperty("dashboardUrl", out var dashboard) && dashboard.GetString() == DemoWorkspace.DashboardUrl;
}
