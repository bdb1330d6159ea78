namespace Loyalife.DaprSidecar.Tests;

public sealed class CronBindingTests() : SidecarTestBase(appApiToken: "app-token")
{
    private readonly ConcurrentQueue<string> requests = new();

    private async Task<TestApp> StartAppAsync(string route, int status = 200) => await Sidecars.StartAppAsync((app, received) =>
    {
        app.Use(async (context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}");
            await next(context);
        });
        app.MapPost(route, async (HttpContext context) =>
        {
            received.Enqueue(await ReceivedRequest.ReadAsync(context.Request));
            return Results.StatusCode(status);
        });
    });

    private async Task StartSidecarAsync(TestApp app, string componentYaml) =>
        await Sidecars.StartWithComponentsAsync("cron-app", Sidecars.Components(("cron.yaml", componentYaml)), app.Port);

    [Fact]
    public async Task EachTickPostsAnEmptyBodyWithAFreshTraceAndTheAppToken()
    {
        var app = await StartAppAsync("/nightly-sync");

        await StartSidecarAsync(app, ComponentYaml.Cron("nightly-sync", "@every 1s"));
        await WaitUntilAsync(() => app.Received.Count >= 2);

        var ticks = app.Received.Take(2).ToArray();
        Assert.All(ticks, tick =>
        {
            Assert.Equal(("POST", "/nightly-sync", 0L), (tick.Method, tick.Path, tick.BodyLength));
            Assert.Equal("app-token", tick.Headers["dapr-api-token"]);
            Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", tick.Headers["traceparent"]);
            Assert.Equal(("Local", "application/json"), (tick.Headers["timezone"], tick.Headers["content-type"]));
            Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,9})? \+0000 UTC$", tick.Headers["readtimeutc"]);
        });
        Assert.NotEqual(ticks[0].Headers["traceparent"].Split('-')[1], ticks[1].Headers["traceparent"].Split('-')[1]);
        Assert.InRange((ticks[1].At - ticks[0].At).TotalMilliseconds, 500, 2000);
        Assert.DoesNotContain(requests, r => r.StartsWith("OPTIONS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheRouteMetadataChoosesThePath()
    {
        var app = await StartAppAsync("/jobs/sync");

        await StartSidecarAsync(app, ComponentYaml.Cron("nightly-sync", "@every 1s", route: "/jobs/sync"));
        await WaitUntilAsync(() => !app.Received.IsEmpty);

        Assert.Equal("/jobs/sync", app.Received.First().Path);
    }

    [Fact]
    public async Task WithoutADirectionTheAppIsProbedWithOptionsFirst()
    {
        var app = await StartAppAsync("/probed");

        await StartSidecarAsync(app, ComponentYaml.Cron("probed", "@every 1s", direction: null));
        await WaitUntilAsync(() => !app.Received.IsEmpty);

        Assert.Equal(["OPTIONS /probed", "POST /probed"], requests.Take(2));
    }

    [Fact]
    public async Task AnAppThatDoesNotServeTheRouteIsNotFiredAt()
    {
        var app = await StartAppAsync("/something-else");

        await StartSidecarAsync(app, ComponentYaml.Cron("unserved", "@every 1s", direction: null));
        await WaitUntilAsync(() => !requests.IsEmpty);
        await Task.Delay(TimeSpan.FromSeconds(2.2));

        Assert.Equal(["OPTIONS /unserved"], requests);
    }

    [Fact]
    public async Task AFailingAnswerIsDroppedAndTheScheduleGoesOn()
    {
        var app = await StartAppAsync("/nightly-sync", status: 500);

        await StartSidecarAsync(app, ComponentYaml.Cron("nightly-sync", "@every 1s"));

        await WaitUntilAsync(() => app.Received.Count >= 2);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 10 s");
            await Task.Delay(50);
        }
    }
}
