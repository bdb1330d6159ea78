using Loyalife.DaprSidecar.Tracing;

namespace Loyalife.DaprSidecar.Cron;

/// <summary>
/// The <c>bindings.cron</c> input binding: on each tick <c>POST /{route or name}</c> to the app with an
/// empty body and a fresh <c>traceparent</c>. Without <c>direction: input</c> the app is first probed with
/// <c>OPTIONS</c> and the binding runs only if it answers 2xx or 405, as daprd does. A non-2xx answer to
/// a tick is logged and dropped, never retried.
/// </summary>
internal sealed class CronBindingService(
    SidecarContext sidecar, AppChannel app, TimeProvider time, ILogger<CronBindingService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sidecar.Components.Where(c => c.Type == "bindings.cron").Select(c => RunAsync(c, stoppingToken)));

    private async Task RunAsync(Component binding, CancellationToken ct)
    {
        try
        {
            var schedule = CronSchedule.Parse(binding.Meta("schedule") ?? "");
            var route = "/" + (binding.Meta("route") is { Length: > 0 } r ? r.TrimStart('/') : binding.Name);
            var directions = (binding.Meta("direction") ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (directions.Length > 0 && !directions.Contains("input"))
                return;
            if (!app.IsConfigured)
            {
                logger.LogWarning("Input binding {Binding} is not started: no --app-port", binding.Name);
                return;
            }
            await app.WaitUntilListeningAsync(ct);
            if (directions.Length == 0 && !await IsSubscribedAsync(binding, route, ct))
            {
                logger.LogInformation("App does not listen on {Route}; input binding {Binding} not started", route, binding.Name);
                return;
            }
            logger.LogInformation("Input binding {Binding} fires POST {Route} on schedule '{Schedule}'", binding.Name, route, binding.Meta("schedule"));
            await TickAsync(binding, schedule, route, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task TickAsync(Component binding, CronSchedule schedule, string route, CancellationToken ct)
    {
        var due = schedule.Next(time.GetUtcNow());
        while (due is { } tick)
        {
            TimeSpan wait;
            while ((wait = tick - time.GetUtcNow()) > TimeSpan.Zero)
                await Task.Delay(wait < TimeSpan.FromHours(1) ? wait : TimeSpan.FromHours(1), time, ct);
            // Ticks do not wait for each other, like robfig/cron running each job on its own goroutine.
            _ = FireAsync(binding, route, ct);
            due = schedule.Next(tick);
        }
    }

    private async Task<bool> IsSubscribedAsync(Component binding, string route, CancellationToken ct)
    {
        try
        {
            using var response = await app.SendAsync(HttpMethod.Options, route, null, ct);
            var code = (int)response.StatusCode;
            return code is >= 200 and < 300 or 405;
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("OPTIONS probe of {Route} for input binding {Binding} failed: {Error}", route, binding.Name, e.Message);
            return false;
        }
    }

    private async Task FireAsync(Component binding, string route, CancellationToken ct)
    {
        Activity.Current = null;
        using var activity = SidecarTelemetry.Source.StartActivity($"bindings/{binding.Name}", ActivityKind.Producer);
        try
        {
            using var response = await app.SendAsync(HttpMethod.Post, route, request =>
            {
                // What daprd sends: the cron binding's read metadata as headers, an empty JSON-typed body.
                request.Content!.Headers.ContentType = new("application/json");
                request.Headers.TryAddWithoutValidation("timeZone", "Local");
                request.Headers.TryAddWithoutValidation("readTimeUTC", GoTime.Format(time.GetUtcNow()));
                // Without a listener no span exists to propagate; daprd still sends a fresh traceparent.
                if (activity is null)
                    request.Headers.TryAddWithoutValidation("traceparent",
                        $"00-{ActivityTraceId.CreateRandom()}-{ActivitySpanId.CreateRandom()}-01");
            }, ct);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Input binding {Binding}: app answered {Status} to POST {Route}; event dropped",
                    binding.Name, (int)response.StatusCode, route);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Input binding {Binding}: POST {Route} failed: {Error}", binding.Name, route, e.Message);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }
}
