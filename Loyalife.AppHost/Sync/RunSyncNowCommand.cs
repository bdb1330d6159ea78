using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Loyalife.AppHost.Dapr;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Loyalife.AppHost.Sync;

/// <summary>A dashboard button on the dispatcher: sync the demo program's last closed business day now.</summary>
public static class RunSyncNowCommand
{
    public const string Name = "run-sync-now";

    /// <summary>The zone of the demo program <c>demo</c>, used when snapshot-service cannot be asked.</summary>
    private const string DemoTimeZone = "Europe/Amsterdam";

    public static IResourceBuilder<ProjectResource> WithRunSyncNowCommand(
        this IResourceBuilder<ProjectResource> dispatcher, IResourceBuilder<ParameterResource> adminToken, string programId = "demo")
    {
        dispatcher.ApplicationBuilder.Services.AddHttpClient();
        return dispatcher.WithCommand(
            Name,
            "Run sync now",
            context => RunAsync(dispatcher.Resource, adminToken.Resource, programId, context),
            new CommandOptions
            {
                Description = $"Sync program '{programId}' for yesterday (its local date) through the dispatcher's admin API.",
                IconName = "ArrowSync",
                UpdateState = state => state.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
            });
    }

    private static async Task<ExecuteCommandResult> RunAsync(
        ProjectResource dispatcher, ParameterResource adminToken, string programId, ExecuteCommandContext context)
    {
        var http = context.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        var zone = await ProgramTimeZoneAsync(http, dispatcher, programId, context);
        var yesterday = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime).AddDays(-1);

        using var request = new HttpRequestMessage(HttpMethod.Post, $"{dispatcher.GetEndpoint("http").Url}/v1/programs/{programId}/sync-runs")
        {
            Content = JsonContent.Create(new { businessDate = yesterday.ToString("yyyy-MM-dd") }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await adminToken.GetValueAsync(context.CancellationToken));
        using var response = await http.SendAsync(request, context.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(context.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return CommandResults.Failure($"The dispatcher answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
        }

        context.Logger.LogInformation("Sync run for {Program} {Date} accepted: {Body}", programId, yesterday, body);
        return CommandResults.Success($"Sync of {programId} for {yesterday:yyyy-MM-dd} accepted: {Shorten(body)}");
    }

    /// <summary>Asks snapshot-service for the program's zone the way the dispatcher would: through its sidecar.</summary>
    private static async Task<TimeZoneInfo> ProgramTimeZoneAsync(
        HttpClient http, ProjectResource dispatcher, string programId, ExecuteCommandContext context)
    {
        var model = context.Services.GetRequiredService<DistributedApplicationModel>();
        var sidecar = model.Resources.OfType<DaprSidecarResource>().FirstOrDefault(s => s.AppId == dispatcher.Name);
        try
        {
            if (sidecar is not null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get,
                    $"{sidecar.HttpEndpoint.Url}/v1.0/invoke/snapshot-service/method/v1/programs/{programId}");
                request.Headers.Add("dapr-api-token", sidecar.ApiToken);
                using var response = await http.SendAsync(request, context.CancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    using var program = JsonDocument.Parse(await response.Content.ReadAsStringAsync(context.CancellationToken));
                    return TimeZoneInfo.FindSystemTimeZoneById(program.RootElement.GetProperty("timeZone").GetString()!);
                }
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or KeyNotFoundException or TimeZoneNotFoundException)
        {
            context.Logger.LogWarning(exception, "Could not read program {Program}'s time zone", programId);
        }

        context.Logger.LogWarning("Using the demo program's zone {Zone} for {Program}", DemoTimeZone, programId);
        return TimeZoneInfo.FindSystemTimeZoneById(DemoTimeZone);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
