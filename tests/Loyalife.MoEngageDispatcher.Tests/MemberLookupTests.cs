using System.Diagnostics;

namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>A member's page: each kind of member, looked up against the real stand-in after a real night.</summary>
public sealed class MemberLookupTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    private static readonly Dictionary<string, string?> OneNight = new() { ["Sync:MaxCatchUpDays"] = "1" };

    [Fact]
    public async Task AMemberSentLastNightThatMoEngageHoldsAgreesAttributeForAttribute()
    {
        var program = await env.ProgramAsync(members: 3, events: 3);
        await using var dispatcher = env.Dispatcher(settings: OneNight);
        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);
        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);

        var (lookup, body) = await LookUpAsync(dispatcher, program, "M00000002");

        Assert.Equal("M00000002", lookup.GetProperty("memberId").GetString());
        Assert.Equal("C0000002", lookup.GetProperty("customerId").GetString());
        Assert.True(lookup.GetProperty("sendable").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("skipReason").ValueKind);
        Assert.Equal(run.BusinessDate, lookup.GetProperty("lastSentNight").GetString());
        Assert.Equal(run.RunId, lookup.GetProperty("lastSentRunId").GetGuid());
        var sent = lookup.GetProperty("sent").GetProperty("attributes");
        Assert.Equal(20, sent.GetProperty("points_available").GetInt32());
        Assert.Equal("active", sent.GetProperty("loyalty_status").GetString());
        Assert.False(sent.TryGetProperty("status", out _), "status goes under its MoEngage name");
        var sentEvent = Assert.Single(lookup.GetProperty("sent").GetProperty("events").EnumerateArray());
        Assert.Equal(("pe-2", "loyalty_points_earned", "sent"),
            (sentEvent.GetProperty("eventId").GetString(), sentEvent.GetProperty("name").GetString(), sentEvent.GetProperty("fate").GetString()));
        Assert.True(lookup.GetProperty("inMoEngage").GetBoolean());
        Assert.Equal("get_user", lookup.GetProperty("inMoEngageFrom").GetString());
        Assert.Equal("answered", lookup.GetProperty("getUser").GetString());
        var held = lookup.GetProperty("moengageAttributes");
        Assert.Equal(20, held.GetProperty("points_available").GetInt32());
        Assert.Equal("gold", held.GetProperty("tier").GetString());
        Assert.Empty(lookup.GetProperty("differences").EnumerateArray());
        Assert.DoesNotContain(program.ApiKey, body);
        Assert.DoesNotContain("apiKey", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AProfileChangedInMoEngageBehindLoyalifesBackShowsAsADifference()
    {
        var program = await env.ProgramAsync(members: 2, events: 0);
        await using var dispatcher = env.Dispatcher(settings: OneNight);
        Assert.Equal(RunStatus.Succeeded, (await dispatcher.TickForOneRunAsync(program.ProgramId)).Status);

        // A marketer's tool writes the profile through MoEngage's own Track User API.
        using var marketer = new HttpClient();
        using var track = new HttpRequestMessage(HttpMethod.Post, $"{program.ApiBaseUrl}/v1/customer/{program.AppId}")
        {
            Content = JsonContent.Create(new { type = "customer", customer_id = "C0000001", attributes = new { points_available = 999_999, tier = "silver" } }),
        };
        track.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{program.AppId}:{program.ApiKey}")));
        await track.Content.LoadIntoBufferAsync();
        using var tracked = await marketer.SendAsync(track);
        Assert.True(tracked.IsSuccessStatusCode, await tracked.Content.ReadAsStringAsync());

        var (lookup, _) = await LookUpAsync(dispatcher, program, "M00000001");

        Assert.Equal(["points_available"], lookup.GetProperty("differences").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(999_999, lookup.GetProperty("moengageAttributes").GetProperty("points_available").GetInt32());
        Assert.Equal(10, lookup.GetProperty("sent").GetProperty("attributes").GetProperty("points_available").GetInt32());
    }

    [Fact]
    public async Task AMemberNoNightHasSentYetShowsWhatMoEngageHoldsButNoDifferences()
    {
        var program = await env.ProgramAsync(members: 2, events: 0);
        await using var dispatcher = env.Dispatcher(settings: OneNight);

        var (lookup, _) = await LookUpAsync(dispatcher, program, "M00000001");

        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("lastSentNight").ValueKind);
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("sent").ValueKind);
        Assert.True(lookup.GetProperty("inMoEngage").GetBoolean());
        // Nothing was sent, so nothing can differ from it, whatever MoEngage holds.
        Assert.Empty(lookup.GetProperty("differences").EnumerateArray());
    }

    [Fact]
    public async Task AMemberMoEngageDoesNotHoldHasItsEventsHeldBackAndNoProfile()
    {
        var program = await env.ProgramAsync(members: 3, events: 3, customers: ["C0000001"]);
        await using var dispatcher = env.Dispatcher(settings: OneNight);
        var run = await dispatcher.TickForOneRunAsync(program.ProgramId);
        Assert.True(run.Status == RunStatus.Succeeded, run.Reason);

        var (lookup, _) = await LookUpAsync(dispatcher, program, "M00000003");

        Assert.True(lookup.GetProperty("sendable").GetBoolean());
        Assert.False(lookup.GetProperty("inMoEngage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("moengageAttributes").ValueKind);
        var heldBack = Assert.Single(lookup.GetProperty("sent").GetProperty("events").EnumerateArray());
        Assert.Equal(("held_back", "not_in_moengage"), (heldBack.GetProperty("fate").GetString(), heldBack.GetProperty("heldBackReason").GetString()));
        Assert.Empty(lookup.GetProperty("differences").EnumerateArray());
    }

    [Theory]
    [InlineData(null, "missing_reference", null)]
    [InlineData("  ", "missing_reference", null)]
    [InlineData(" guest ", "disallowed_reference", "guest")]
    public async Task AMemberNotSentSaysWhyAndMoEngageIsNotAsked(string? reference, string reason, string? customerId)
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        program.UnsentMembers["M90000001"] = (reference, reason);
        await using var dispatcher = env.Dispatcher(settings: OneNight);
        Assert.Equal(RunStatus.Succeeded, (await dispatcher.TickForOneRunAsync(program.ProgramId)).Status);
        var requestsBefore = (await env.StandIn.RequestsAsync(program.AppId)).GetArrayLength();

        var (lookup, _) = await LookUpAsync(dispatcher, program, "M90000001");

        Assert.False(lookup.GetProperty("sendable").GetBoolean());
        Assert.Equal(reason, lookup.GetProperty("skipReason").GetString());
        Assert.Equal(customerId, lookup.GetProperty("customerId").GetString());
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("lastSentNight").ValueKind);
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("sent").ValueKind);
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("inMoEngage").ValueKind);
        Assert.Equal("not_asked", lookup.GetProperty("getUser").GetString());
        Assert.Equal(requestsBefore, (await env.StandIn.RequestsAsync(program.AppId)).GetArrayLength());
    }

    [Fact]
    public async Task WithoutGetUserForTheWorkspaceInMoEngageIsUnknownAndTheLookupStillAnswers()
    {
        var program = await env.ProgramAsync(members: 2, events: 2);
        program.UnknownMembers = "send";
        using (var put = await env.StandIn.Control.PutAsJsonAsync($"/control/workspaces/{program.AppId}", new JsonObject
        {
            ["dataCenter"] = "01", ["apiKey"] = program.ApiKey, ["getUser"] = new JsonObject { ["enabled"] = false }, ["customerIdPattern"] = "^C\\d{7}$",
        }))
        {
            put.EnsureSuccessStatusCode();
        }

        await using var dispatcher = env.Dispatcher(settings: OneNight);
        Assert.Equal(RunStatus.Succeeded, (await dispatcher.TickForOneRunAsync(program.ProgramId)).Status);

        var (lookup, _) = await LookUpAsync(dispatcher, program, "M00000001");

        Assert.Equal("unavailable", lookup.GetProperty("getUser").GetString());
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("inMoEngage").ValueKind);
        Assert.Equal(JsonValueKind.Null, lookup.GetProperty("moengageAttributes").ValueKind);
        Assert.Equal("sent", lookup.GetProperty("sent").GetProperty("events")[0].GetProperty("fate").GetString());
    }

    [Fact]
    public async Task AnExhaustedGetUserQuotaIsRefusedWithRetryAfterInsteadOfWaiting()
    {
        var program = await env.ProgramAsync(members: 2, events: 0);
        await using var dispatcher = env.Dispatcher(settings: new Dictionary<string, string?> { ["Sync:Quota:GetUsersPerMinute"] = "1" });
        using var admin = dispatcher.Admin();
        await LookUpAsync(dispatcher, program, "M00000001");

        var started = Stopwatch.StartNew();
        using var refused = await admin.GetAsync($"/v1/programs/{program.ProgramId}/members/M00000002/moengage");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 120);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"the refusal took {started.Elapsed}");
    }

    [Fact]
    public async Task ACustomerIdFindsEveryMemberUnderItWithOneGetUserCall()
    {
        var program = await env.ProgramAsync(members: 2, events: 0);
        var twin = FakeProgram.MakeMembers(1).Single();
        twin["memberId"] = "M00000099";
        program.Members.Add(twin);
        await using var dispatcher = env.Dispatcher(settings: OneNight);
        Assert.Equal(RunStatus.Succeeded, (await dispatcher.TickForOneRunAsync(program.ProgramId)).Status);
        var asked = GetUserCalls(await env.StandIn.RequestsAsync(program.AppId));
        using var admin = dispatcher.Admin();

        var found = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/members?customerId=%20C0000001%20");
        var none = await admin.GetFromJsonAsync<JsonElement>($"/v1/programs/{program.ProgramId}/members?customerId=C7777777");

        Assert.Equal("C0000001", found.GetProperty("customerId").GetString());
        Assert.Equal(2, found.GetProperty("matches").GetInt32());
        Assert.Equal(["M00000001", "M00000099"], found.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("memberId").GetString()));
        Assert.All(found.GetProperty("members").EnumerateArray(), m => Assert.True(m.GetProperty("inMoEngage").GetBoolean()));
        Assert.Equal(asked + 1, GetUserCalls(await env.StandIn.RequestsAsync(program.AppId)));
        Assert.Equal(0, none.GetProperty("matches").GetInt32());
    }

    [Theory]
    [InlineData("/v1/programs/{program}/members/M404/moengage", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/nope/members/M00000001/moengage", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/nope/members?customerId=C0000001", HttpStatusCode.NotFound)]
    [InlineData("/v1/programs/{program}/members", HttpStatusCode.BadRequest)]
    [InlineData("/v1/programs/{program}/members/M%01/moengage", HttpStatusCode.BadRequest)]
    public async Task AnUnknownProgramOrMemberOrMalformedIdAnswersAProblem(string path, HttpStatusCode expected)
    {
        var program = await env.ProgramAsync(members: 1, events: 0);
        await using var dispatcher = env.Dispatcher();
        using var admin = dispatcher.Admin();

        using var response = await admin.GetAsync(path.Replace("{program}", program.ProgramId));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static int GetUserCalls(JsonElement requests) =>
        requests.EnumerateArray().Count(r => r.GetProperty("path").GetString()!.Contains("customers/export", StringComparison.Ordinal));

    private static async Task<(JsonElement Lookup, string Body)> LookUpAsync(DispatcherApp dispatcher, FakeProgram program, string memberId)
    {
        using var admin = dispatcher.Admin();
        using var response = await admin.GetAsync($"/v1/programs/{program.ProgramId}/members/{memberId}/moengage");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return (JsonDocument.Parse(body).RootElement.Clone(), body);
    }
}
