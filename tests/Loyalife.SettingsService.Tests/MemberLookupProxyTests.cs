namespace Loyalife.SettingsService.Tests;

/// <summary>The admin page's way to a member's page: forwarded to the dispatcher, its quota refusal passed on as it came.</summary>
public sealed class MemberLookupProxyTests
{
    [Fact]
    public async Task ALookupIsForwardedByMemberIdAndByCustomerIdWithNothingElse()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
        {
            app.MapGet("/v1/programs/{programId}/members/{memberId}/moengage", (string programId, string memberId) =>
                Results.Json(new { programId, memberId, sendable = true }));
            app.MapGet("/v1/programs/{programId}/members", (HttpRequest request) => Results.Json(new { query = request.QueryString.Value }));
        });
        var root = SettingsPaths.MoEngage("demo") + "/members";

        var member = await Json.ReadAsync(await host.Admin.GetAsync(root + "/M%201%C3%A9"));
        var customer = await Json.ReadAsync(await host.Admin.GetAsync(root + "?customerId=C%201&evil=1"));

        Assert.Equal(("demo", "M 1é"), (member.Text("programId"), member.Text("memberId")));
        Assert.Equal("?customerId=C%201", customer.Text("query"));
    }

    [Fact]
    public async Task AnExhaustedGetUserQuotaPassesOnAs429WithItsRetryAfter()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
            app.MapGet("/v1/programs/{programId}/members/{memberId}/moengage", (HttpResponse response) =>
            {
                response.Headers.RetryAfter = "42";
                return Results.Problem(title: "Get User quota exhausted", statusCode: 429);
            }));

        using var refused = await host.Admin.GetAsync(SettingsPaths.MoEngage("demo") + "/members/M1");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(42), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("Get User quota exhausted", (await Json.ReadAsync(refused)).Text("title"));
    }
}
