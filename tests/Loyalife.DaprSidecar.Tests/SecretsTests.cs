using Dapr;
using Grpc.Core;

namespace Loyalife.DaprSidecar.Tests;

public sealed class SecretsTests : SidecarTestBase
{
    private async Task<RunningSidecar> StartWithStoreAsync(string json, string? extraMetadata = null, string file = "dapr-secrets.json")
    {
        await Sidecars.WriteFileAsync(file, json);
        var components = Sidecars.Components(("secretstore.yaml", ComponentYaml.SecretStore("secretstore", file, extraMetadata)));
        return await Sidecars.StartWithComponentsAsync("secrets-app", components);
    }

    [Fact]
    public async Task GetSecretAsyncOverGrpcAnswersTheValueUnderItsName()
    {
        var sidecar = await StartWithStoreAsync("""{"moengage-demo-key":"s3cret","other":"x"}""");

        var secret = await Sidecars.Client(sidecar).GetSecretAsync("secretstore", "moengage-demo-key");

        Assert.Equal(new Dictionary<string, string> { ["moengage-demo-key"] = "s3cret" }, secret);
    }

    [Fact]
    public async Task NestedObjectsAndArraysAreFlattenedWithTheNestedSeparator()
    {
        var sidecar = await StartWithStoreAsync(
            """{"db":{"user":"u","ports":[5432,5433]},"flag":true}""",
            "    - name: nestedSeparator\n      value: \".\"");
        var client = Sidecars.Client(sidecar);

        var bulk = await client.GetBulkSecretAsync("secretstore");

        Assert.Equal("u", bulk["db.user"]["db.user"]);
        Assert.Equal("5433", bulk["db.ports.1"]["db.ports.1"]);
        Assert.Equal("true", bulk["flag"]["flag"]);
        Assert.Equal(4, bulk.Count);
    }

    [Fact]
    public async Task MultiValuedSecretsKeepOneLevelOfKeys()
    {
        var sidecar = await StartWithStoreAsync(
            """{"plain":"p","connection":{"user":"u","deep":{"host":"h"}}}""",
            "    - name: multiValued\n      value: \"true\"");

        var secret = await Sidecars.Client(sidecar).GetSecretAsync("secretstore", "connection");

        Assert.Equal(new Dictionary<string, string> { ["user"] = "u", ["deep:host"] = "h" }, secret);
        Assert.Equal("p", (await Sidecars.Client(sidecar).GetSecretAsync("secretstore", "plain"))["plain"]);
    }

    [Fact]
    public async Task HttpGetAndBulkAnswerDaprsJsonShapes()
    {
        var sidecar = await StartWithStoreAsync("""{"a":"1","b":"2"}""");
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var one = await http.GetStringAsync("/v1.0/secrets/secretstore/a");
        var bulk = await http.GetStringAsync("/v1.0/secrets/secretstore/bulk");

        Assert.Equal("""{"a":"1"}""", one);
        Assert.Equal(
            new Dictionary<string, Dictionary<string, string>> { ["a"] = new() { ["a"] = "1" }, ["b"] = new() { ["b"] = "2" } },
            JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(bulk));
    }

    [Fact]
    public async Task AChangedFileIsPickedUpWithoutRestart()
    {
        var sidecar = await StartWithStoreAsync("""{"key":"old"}""");
        var client = Sidecars.Client(sidecar);
        Assert.Equal("old", (await client.GetSecretAsync("secretstore", "key"))["key"]);

        // What settings-service's writer does: write a temp file, then rename it over the old one.
        var path = Path.Combine(Sidecars.Directory, "dapr-secrets.json");
        await File.WriteAllTextAsync(path + ".tmp", """{"key":"new","added":"yes"}""");
        File.Move(path + ".tmp", path, overwrite: true);

        Assert.Equal("new", (await client.GetSecretAsync("secretstore", "key"))["key"]);
        Assert.Equal("yes", (await client.GetSecretAsync("secretstore", "added"))["added"]);
    }

    [Fact]
    public async Task AMissingFileIsAnEmptyStoreUntilItAppears()
    {
        var components = Sidecars.Components(("s.yaml", ComponentYaml.SecretStore("secretstore", "later.json")));
        var sidecar = await Sidecars.StartWithComponentsAsync("secrets-app", components);
        var client = Sidecars.Client(sidecar);
        await Assert.ThrowsAsync<DaprException>(() => client.GetSecretAsync("secretstore", "k"));

        await Sidecars.WriteFileAsync("later.json", """{"k":"v"}""");

        Assert.Equal("v", (await client.GetSecretAsync("secretstore", "k"))["k"]);
    }

    [Fact]
    public async Task UnknownKeysAndStoresAnswerDaprsErrorsOverHttp()
    {
        var sidecar = await StartWithStoreAsync("""{"a":"1"}""");
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var noKey = await http.GetAsync("/v1.0/secrets/secretstore/missing");
        using var noStore = await http.GetAsync("/v1.0/secrets/nostore/a");

        Assert.Equal(HttpStatusCode.InternalServerError, noKey.StatusCode);
        Assert.Equal(
            """{"errorCode":"ERR_SECRET_GET","message":"failed getting secret with key missing from secret store secretstore: secret missing not found"}""",
            await noKey.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, noStore.StatusCode);
        Assert.Equal(
            """{"errorCode":"ERR_SECRET_STORE_NOT_FOUND","message":"failed finding secret store with key nostore"}""",
            await noStore.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownKeysAndStoresAnswerDaprsStatusCodesOverGrpc()
    {
        var sidecar = await StartWithStoreAsync("""{"a":"1"}""");
        var client = Sidecars.Client(sidecar);

        var noKey = await Assert.ThrowsAsync<DaprException>(() => client.GetSecretAsync("secretstore", "missing"));
        var noStore = await Assert.ThrowsAsync<DaprException>(() => client.GetSecretAsync("nostore", "a"));

        Assert.Equal(StatusCode.Internal, Assert.IsType<RpcException>(noKey.InnerException).StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(noStore.InnerException).StatusCode);
    }

    [Fact]
    public async Task WithoutAnySecretStoreTheApiSaysSoAsDaprdDoes()
    {
        var sidecar = await Sidecars.StartAsync("no-stores");
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var response = await http.GetAsync("/v1.0/secrets/secretstore/a");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("ERR_SECRET_STORES_NOT_CONFIGURED", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ARelativeSecretsFileResolvesAgainstTheWorkingDirectory()
    {
        Directory.CreateDirectory(Path.Combine(Sidecars.Directory, "data"));
        var sidecar = await StartWithStoreAsync("""{"rel":"ok"}""", file: "data/rel.json");

        Assert.Equal("ok", (await Sidecars.Client(sidecar).GetSecretAsync("secretstore", "rel"))["rel"]);
    }
}
