namespace Loyalife.MoEngageDispatcher.Tests.Support;

/// <summary>The dispatcher in-process against real PostgreSQL and Redis, the fake Dapr endpoint and the stand-in.</summary>
public sealed class DispatcherApp(string database, string redis, FakeDapr dapr, TimeProvider? clock = null,
    IDictionary<string, string?>? overrides = null, int? port = null)
    : ServiceHost<Program>(port, Settings(database, redis, dapr, overrides), web =>
    {
        if (clock is not null)
        {
            web.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    })
{
    public const string AppApiToken = "app-token-for-tests";
    public const string AdminToken = "admin-token-for-tests";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static Dictionary<string, string?> Settings(string database, string redis, FakeDapr dapr, IDictionary<string, string?>? overrides) =>
        QuickDispatcher.Settings().With(new ServiceSettings(database, AppApiToken)
        {
            AdminToken = AdminToken,
            DaprApiToken = FakeDapr.ApiToken,
            DaprHttpEndpoint = dapr.Endpoint,
            Redis = redis,
        }.ToDictionary()).With(new Dictionary<string, string?>
        {
            ["Sync:PageSize"] = "50",
            ["MoEngage:RequestTimeout"] = "00:00:05",
            // Get User unpaced (the stand-in's is unlimited too): tests of its quota set one; the rest would wait a
            // minute per 1,000 members with events.
            ["Sync:Quota:GetUsersPerMinute"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        }).With(overrides);
}
