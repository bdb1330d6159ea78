namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The dispatcher's member lookup as the admin page reaches it (by member id, or by customer id), forwarded like the
/// rest of the dispatcher's admin API. Its 429 (the workspace's Get User quota spent) passes on with its Retry-After.
/// </summary>
public static class MemberLookupProxy
{
    public static RouteGroupBuilder MapMemberLookupProxy(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/v1/programs/{programId}/integrations/moengage/members").WithTags("Admin").RequireProgramAccess()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        api.MapGet("/{memberId}", LookUpAsync)
            .WithSummary("A member as Loyalife last sent it and as MoEngage holds it now (from moengage-dispatcher; one live Get User call)");
        api.MapGet("/", FindAsync)
            .WithSummary("The members whose Relation Reference is the customer id, each looked up as by member id");
        return api;
    }

    private static Task<Results<DispatcherAnswer, ProblemHttpResult>> LookUpAsync([AsParameters] DispatcherCall call, string memberId) =>
        DispatcherProxy.ForwardAsync(call, HttpMethod.Get,
            $"/v1/programs/{Uri.EscapeDataString(call.ProgramId)}/members/{Uri.EscapeDataString(memberId)}/moengage");

    private static Task<Results<DispatcherAnswer, ProblemHttpResult>> FindAsync([AsParameters] DispatcherCall call, string[]? customerId) =>
        // Only the parameter the dispatcher knows goes on, as often as it came; the dispatcher validates it.
        DispatcherProxy.ForwardAsync(call, HttpMethod.Get,
            $"/v1/programs/{Uri.EscapeDataString(call.ProgramId)}/members{QueryString.Create((customerId ?? []).Select(id => KeyValuePair.Create("customerId", (string?)id)))}");
}
