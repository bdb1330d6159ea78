using Microsoft.AspNetCore.Mvc;

namespace Loyalife.MoEngageStandIn.MoEngage;

/// <summary>MoEngage's Data API, one copy per data centre under <c>/dc/{dc}</c> (docs/moengage.md).</summary>
internal static class DataApi
{
    public static RouteGroupBuilder MapDataApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dc/{dc}/v1").WithTags("MoEngage Data API");
        group.MapPost("/transition/{appId}", BulkImport);
        group.MapPost("/customer/{appId}", TrackUser);
        group.MapPost("/event/{appId}", CreateEvent);
        group.MapPost("/integrations/authentication", TestConnection);
        group.MapPost("/customers/export", GetUser);
        return group;
    }

    private static Task<Results<Ok<MoEngageSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> BulkImport(
        string dc, string appId, HttpContext http, DataRequestHandler handler) =>
        handler.HandleAsync(http, dc, appId, DataEndpoint.BulkImport);

    private static Task<Results<Ok<MoEngageSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> TrackUser(
        string dc, string appId, HttpContext http, DataRequestHandler handler) =>
        handler.HandleAsync(http, dc, appId, DataEndpoint.TrackUser);

    private static Task<Results<Ok<MoEngageSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> CreateEvent(
        string dc, string appId, HttpContext http, DataRequestHandler handler) =>
        handler.HandleAsync(http, dc, appId, DataEndpoint.CreateEvent);

    private static Task<Results<Ok<ExportUsersSuccess>, JsonHttpResult<MoEngageFailure>, EmptyHttpResult>> GetUser(
        string dc, [FromQuery(Name = "app_id")] string? appId, HttpContext http, GetUserHandler handler) =>
        handler.HandleAsync(http, dc, appId);

    private static Task<Results<Ok<TestConnectionSuccess>, JsonHttpResult<MoEngageFailure>>> TestConnection(
        string dc, HttpContext http, TestConnectionHandler handler) =>
        handler.HandleAsync(http, dc);
}
