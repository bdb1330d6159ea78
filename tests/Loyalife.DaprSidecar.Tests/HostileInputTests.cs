using static Loyalife.Testing.HostileAuth;
using static System.Net.Mime.MediaTypeNames;

namespace Loyalife.DaprSidecar.Tests;

/// <summary>
/// The bad input sweep for the local sidecar: malformed and hostile requests against its HTTP API (secrets,
/// invocation, metadata). It answers as daprd does, which is not always a 4xx: a key the store lacks is daprd's 500
/// ERR_SECRET_GET, an app id nobody registered its 500 ERR_DIRECT_INVOKE. So each row names daprd's status; beyond
/// that no answer may carry the Dapr API token, a secret value or a file outside the store, and the sidecar stays healthy.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string DaprToken = "hostile-dapr-token-5d1e";
    private const string AppApiToken = "hostile-app-token-8c3a";
    private const string SecretValue = "hostile-secret-value-2b7f";
    private const string Canary = "hostile-canary-outside-the-store-9e4d";

    private static readonly Dictionary<string, HostileRequest> Table = BuildTable();

    private readonly TestSidecars sidecars = new(apiToken: DaprToken, appApiToken: AppApiToken);
    private RunningSidecar sidecar = null!;

    public static TheoryData<string> Cases => [.. Table.Keys];

    public async Task InitializeAsync()
    {
        var app = await sidecars.StartAppAsync();
        await sidecars.WriteFileAsync("s.json", $$"""{"k":"{{SecretValue}}"}""");
        // A file beside the store's, which no key may reach.
        await sidecars.WriteFileAsync("canary.json", $$"""{"k":"{{Canary}}"}""");
        var components = sidecars.Components(("s.yaml", ComponentYaml.SecretStore("secretstore", "s.json")));
        sidecar = await sidecars.StartWithComponentsAsync("guarded", components, app.Port);
    }

    public async Task DisposeAsync() => await sidecars.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileRequestGetsDaprdsAnswerNoSecretAndTheSidecarStaysHealthy(string name)
    {
        using var client = new HttpClient { BaseAddress = sidecar.HttpEndpoint, Timeout = TimeSpan.FromSeconds(30) };

        var failure = await Table[name].SendAndJudgeAsync(client, [DaprToken, SecretValue, Canary]);

        Assert.True(failure is null, $"{name}: {failure}");
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("/v1.0/healthz")).StatusCode);
    }

    private static Dictionary<string, HostileRequest> BuildTable()
    {
        var table = new Dictionary<string, HostileRequest>();
        void Add(string name, string method, string path, Action<HttpRequestMessage> auth, int[] expected, string errorMediaType, Func<HttpContent>? content = null) =>
            table.Add(name, new HostileRequest(method, path, auth, expected, content) { ErrorMediaType = errorMediaType });
        var token = AppToken(DaprToken);

        // Missing and wrong Dapr API tokens: daprd's plain-text 401 on every API.
        string[] apis = ["/v1.0/invoke/guarded/method/echo/x", "/v1.0/secrets/secretstore/k", "/v1.0/secrets/secretstore/bulk", "/v1.0/metadata"];
        foreach (var path in apis)
        {
            Add($"{path} without the token", "GET", path, None, [401], Text.Plain);
            Add($"{path} with a wrong token", "GET", path, AppToken("not-the-token"), [401], Text.Plain);
            Add($"{path} with the token plus a character", "GET", path, AppToken(DaprToken + "x"), [401], Text.Plain);
            Add($"{path} with the app token", "GET", path, AppToken(AppApiToken), [401], Text.Plain);
            Add($"{path} with the token as a bearer", "GET", path, Bearer(DaprToken), [401], Text.Plain);
            Add($"{path} with a 64 KB token", "GET", path, AppToken(new string('t', 64 * 1024)), [400, 401, 431], Text.Plain);
        }

        // Secret stores and keys: traversal, injection, unicode, overlong; none may reach a file outside the store.
        foreach (var store in new[] { "..%2F..%2Fcanary", "%2e%2e", "secretstore%2F..", "%27%20OR%201%3D1--", "%E2%80%AEstore", new string('s', 4000) })
        {
            Add($"secret of store {(store.Length > 40 ? $"of {store.Length} characters" : store)}", "GET", $"/v1.0/secrets/{store}/k", token, [401, 404], Application.Json);
        }

        foreach (var key in new[] { "..%2Fcanary.json", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2fcanary.json", "k%00", "%E2%80%AEk%F0%9F%98%80", "%27%20OR%201%3D1--", "*", new string('k', 4000) })
        {
            Add($"secret key {(key.Length > 40 ? $"of {key.Length} characters" : key)}", "GET", $"/v1.0/secrets/secretstore/{key}", token, [400, 404, 500], Application.Json);
        }

        // Invocation of app ids nobody registered (daprd's 500 ERR_DIRECT_INVOKE), and of the app with hostile methods.
        foreach (var appId in new[] { "..%2F..%2Fsecrets", "%27%20OR%201%3D1--", "%E2%80%AEapp", new string('a', 4000) })
        {
            Add($"invoke app {(appId.Length > 40 ? $"of {appId.Length} characters" : appId)}", "GET", $"/v1.0/invoke/{appId}/method/echo", token, [404, 500], Application.Json);
        }

        Add("invoke with a dapr-app-id header that is traversal", "GET", "/echo/x", request =>
        {
            token(request);
            request.Headers.TryAddWithoutValidation("dapr-app-id", "../../secrets");
        }, [500], Application.Json);
        Add("invoke the app with a method that climbs out", "GET", "/v1.0/invoke/guarded/method/..%2F..%2Fv1.0%2Fsecrets%2Fsecretstore%2Fk", token, [404], Application.Json);
        Add("invoke the app's error with a 50 MB body", "POST", "/v1.0/invoke/guarded/method/status/418", token, [413, 418], Text.Plain,
            () => new StreamedJsonContent("x", 50 * 1024 * 1024));

        // Wrong methods.
        Add("POST a secret", "POST", "/v1.0/secrets/secretstore/k", token, [405], Application.Json, () => new StringContent("{}", Encoding.UTF8, Application.Json));
        Add("DELETE a secret", "DELETE", "/v1.0/secrets/secretstore/k", token, [405], Application.Json);
        Add("PUT the bulk secrets", "PUT", "/v1.0/secrets/secretstore/bulk", token, [405], Application.Json);
        Add("DELETE the metadata", "DELETE", "/v1.0/metadata", token, [404, 405], Application.Json);
        Add("an API daprd has and this sidecar lacks", "POST", "/v1.0/state/statestore", token, [404], Application.Json,
            () => new StringContent("""[{"key":"k","value":"v"}]""", Encoding.UTF8, Application.Json));
        return table;
    }
}
