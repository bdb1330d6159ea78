namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>The Dapr cron binding's route: each tick queues the due work and is answered at once.</summary>
public static class NightlySyncApi
{
    public const string Route = "/nightly-sync";

    public static RouteGroupBuilder MapNightlySyncApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Cron").RequireAuthorization(AuthPolicies.ThroughDapr);
        api.MapPost(Route, Tick);
        return api;
    }

    public static Ok Tick(DispatchWorker worker)
    {
        // The runs continue this request's trace (the sidecar's traceparent), so a trace reads from tick to MoEngage.
        worker.Tick(Activity.Current?.Context ?? default);
        return TypedResults.Ok();
    }
}
