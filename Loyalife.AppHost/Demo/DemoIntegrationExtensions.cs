using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Loyalife.AppHost.MoEngage;

namespace Loyalife.AppHost.Demo;

public static class DemoIntegrationExtensions
{
    public const string ProgramId = "demo";

    /// <summary>How long the demo program may take to appear (the demo ledger generates it once PostgreSQL is up).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Once settings-service answers, points the demo program's MoEngage integration at the stand-in's demo
    /// workspace through settings-service's own admin API (so the key goes to the secret store and the change
    /// is audited like any admin's), unless it already is. Only while <c>moengage-api-base-url</c> is the
    /// stand-in: the demo key means nothing to the real MoEngage. settings-service counts as healthy only once
    /// this is done, so "every resource healthy" means "Run sync now" works; a failure shows as its health.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithDemoIntegration(
        this IResourceBuilder<ProjectResource> settings, IResourceBuilder<ParameterResource> adminToken, IResourceBuilder<ProjectResource> standIn)
    {
        var builder = settings.ApplicationBuilder;
        var check = new DemoIntegrationCheck($"{settings.Resource.Name}-demo-integration");
        builder.Services.AddHttpClient();
        builder.Services.AddHealthChecks().AddCheck(check.Name, () => check.Result);
        builder.Eventing.Subscribe<AfterResourcesCreatedEvent>((e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(settings.Resource);
            var stopping = e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = ConfigureAsync(settings.Resource, adminToken.Resource, standIn.Resource, check, e.Services, logger, stopping);
            return Task.CompletedTask;
        });
        return settings.WithHealthCheck(check.Name);
    }

    private static async Task ConfigureAsync(
        ProjectResource settings, ParameterResource adminToken, ProjectResource standIn, DemoIntegrationCheck check,
        IServiceProvider services, ILogger logger, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(Patience);
        try
        {
            var model = services.GetRequiredService<DistributedApplicationModel>();
            var apiBaseUrl = model.Resources.OfType<ParameterResource>().Single(p => p.Name == StandInExtensions.ApiBaseUrlParameterName);
            if (await apiBaseUrl.GetValueAsync(timeout.Token) != StandInExtensions.StandInValue)
            {
                check.Done(logger, $"Demo program '{ProgramId}' left unconfigured: {apiBaseUrl.Name} is not the stand-in");
                return;
            }

            var notifications = services.GetRequiredService<ResourceNotificationService>();
            // settings-service's own checks (not this one, which waits for this step) and the stand-in, which
            // settings-service asks to verify the key.
            await notifications.WaitForResourceAsync(settings.Name, e => check.OthersHealthy(e.Snapshot), timeout.Token);
            await notifications.WaitForResourceHealthyAsync(standIn.Name, timeout.Token);
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
                        check.Done(logger, $"Demo program '{ProgramId}' already syncs to the stand-in's workspace {DemoWorkspace.AppId}");
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
                    check.Done(logger, $"Demo program '{ProgramId}' now syncs to the stand-in's workspace {DemoWorkspace.AppId} (data centre {DemoWorkspace.DataCenter})");
                    return;
                }

                // 404: snapshot-service has not generated the demo programs yet. Anything else will not get better.
                if (saved.StatusCode != HttpStatusCode.NotFound)
                {
                    // Problem details never echo the key.
                    check.Failed(logger, $"Demo program '{ProgramId}' could not be configured: settings-service answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync(timeout.Token)}");
                    return;
                }

                await Task.Delay(RetryDelay, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            check.Failed(logger, $"Demo program '{ProgramId}' was not configured within {Patience.TotalMinutes} minutes (is it in loyalty.programs? is the stand-in healthy?)");
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or DistributedApplicationException)
        {
            check.Failed(logger, $"Demo program '{ProgramId}' could not be configured: {exception.Message}");
        }
    }

    private static bool IsDemoWorkspace(JsonElement settings) =>
        settings.TryGetProperty("enabled", out var enabled) && enabled.ValueKind == JsonValueKind.True
        && settings.TryGetProperty("appId", out var appId) && appId.GetString() == DemoWorkspace.AppId
        && settings.TryGetProperty("dashboardUrl", out var dashboard) && dashboard.GetString() == DemoWorkspace.DashboardUrl;
}
