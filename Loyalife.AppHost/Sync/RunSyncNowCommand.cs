using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Loyalife.AppHost.Sync;

/// <summary>
/// A dashboard button on the dispatcher: sync the demo program's latest closed business day now, through the
/// dispatcher's own admin API. The dispatcher works out which day that is (<c>"businessDate": "latest"</c>),
/// so the AppHost holds no copy of the business-day rule and needs no guess at the program's zone.
/// </summary>
public static class RunSyncNowCommand
{
    public const string Name = "run-sync-now";

    public static IResourceBuilder<ProjectResource> WithRunSyncNowCommand(
        this IResourceBuilder<ProjectResource> dispatcher, IResourceBuilder<ParameterResource> adminToken, string programId = "demo")
    {
        return dispatcher.WithHttpCommand(
            $"/v1/programs/{programId}/sync-runs",
            "Run sync now",
            endpointName: "http",
            commandName: Name,
            new HttpCommandOptions
            {
                Description = $"Sync program '{programId}' for its latest closed business day (its own zone) through the dispatcher's admin API.",
                IconName = "ArrowSync",
                Method = HttpMethod.Post,
                PrepareRequest = async context =>
                {
                    context.Request.Content = JsonContent.Create(new { businessDate = "latest" });
                    context.Request.Headers.Authorization =
                        new AuthenticationHeaderValue("Bearer", await adminToken.Resource.GetValueAsync(context.CancellationToken));
                },
                GetCommandResult = context => ResultAsync(programId, context),
                UpdateState = state => state.ResourceSnapshot.HealthStatus == HealthStatus.Healthy
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
            });
    }

    private static async Task<ExecuteCommandResult> ResultAsync(string programId, HttpCommandResultContext context)
    {
        var body = await context.Response.Content.ReadAsStringAsync(context.CancellationToken);
        if (!context.Response.IsSuccessStatusCode)
        {
            return CommandResults.Failure($"The dispatcher answered {(int)context.Response.StatusCode} {context.Response.ReasonPhrase}: {Shorten(body)}");
        }

        // 202's Location is the run (/v1/sync-runs/{runId}), which says which date "latest" was.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{context.Endpoint.Url}{context.Response.Headers.Location}");
        request.Headers.Authorization = context.Response.RequestMessage?.Headers.Authorization;
        using var run = await context.HttpClient.SendAsync(request, context.CancellationToken);
        var date = run.IsSuccessStatusCode
            ? (await run.Content.ReadFromJsonAsync<JsonElement>(context.CancellationToken)).GetProperty("businessDate").GetString()
            : null;
        return date is null
            ? CommandResults.Failure($"The run was accepted ({Shorten(body)}) but reading it back answered {(int)run.StatusCode}.")
            : CommandResults.Success($"Sync of {programId} for {date} accepted: {Shorten(body)}");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
