namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>
/// The Dapr cron bindings' routes: each tick queues the due work and is answered at once. <c>intraday-tick</c>
/// fires every minute so the intraday lane can keep a promise of minutes; its tick is the same as a nightly one.
/// </summary>
public static class NightlySyncApi
{
    public const string Route = "/nightly-sync";
    public const string IntradayRoute = "/intraday-tick";

    public static RouteGroupBuilder MapNightlySyncApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("").WithTags("Cron").RequireAuthorization(AuthPolicies.ThroughDapr);
        api.MapPost(Route, Tick);
        api.MapPost(IntradayRoute, Tick);
        return api;
    }

    public static Ok Tick(DispatchWorker worker)
    {
        // The runs continue this request's trace (the sidecar's traceparent), so a trace reads from tick to MoEngage.
        worker.Tick(Activity.Current?.Context ?? default);
        return TypedResults.Ok();
    }
}
