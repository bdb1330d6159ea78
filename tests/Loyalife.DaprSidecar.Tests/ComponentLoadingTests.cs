namespace Loyalife.DaprSidecar.Tests;

public sealed class ComponentLoadingTests : SidecarTestBase
{
    [Fact]
    public async Task AComponentScopedToAnotherAppIsNotLoaded()
    {
        await Sidecars.WriteFileAsync("s.json", """{"k":"v"}""");
        var components = Sidecars.Components(
            ("mine.yaml", ComponentYaml.SecretStore("mine", "s.json", scopes: "scoped-app")),
            ("theirs.yaml", ComponentYaml.SecretStore("theirs", "s.json", scopes: "settings-service")));
        var sidecar = await Sidecars.StartWithComponentsAsync("scoped-app", components);
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        using var mine = await http.GetAsync("/v1.0/secrets/mine/k");
        using var theirs = await http.GetAsync("/v1.0/secrets/theirs/k");

        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, theirs.StatusCode);
        Assert.Contains("ERR_SECRET_STORE_NOT_FOUND", await theirs.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheRepositorysOwnComponentsLoadForTheAppsTheyAreScopedTo()
    {
        var components = Path.Combine(RepositoryRoot(), "components");

        var settings = await Sidecars.StartWithComponentsAsync("settings-service", components);
        var dispatcher = await Sidecars.StartWithComponentsAsync("moengage-dispatcher", components);

        using var http = new HttpClient();
        Assert.Contains("secretstores.local.file", await http.GetStringAsync(new Uri(settings.HttpEndpoint, "/v1.0/metadata")));
        Assert.Contains("nightly-sync", await http.GetStringAsync(new Uri(dispatcher.HttpEndpoint, "/v1.0/metadata")));
    }

    [Fact]
    public async Task AnUnsupportedTypeStopsStartUpNamingTypeAndFile()
    {
        var components = Sidecars.Components(("state.yaml", StateStore(scopes: "")));

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            Sidecars.StartWithComponentsAsync("app", components));

        Assert.Contains("'state.redis'", error.Message);
        Assert.Contains(Path.Combine(components, "state.yaml"), error.Message);
    }

    [Fact]
    public async Task AnUnsupportedTypeScopedToAnotherAppIsNoConcern()
    {
        var components = Sidecars.Components(("state.yaml", StateStore(scopes: "scopes: [someone-else]")));

        await Sidecars.StartWithComponentsAsync("app", components);
    }

    [Fact]
    public async Task MalformedYamlStopsStartUpNamingTheFile()
    {
        var components = Sidecars.Components(("broken.yaml", "kind: Component\nmetadata: [unclosed\n  name: x"));

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            Sidecars.StartWithComponentsAsync("app", components));

        Assert.Contains(Path.Combine(components, "broken.yaml"), error.Message);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Theory]
    [InlineData("cron.yaml", "every day at two", "'every day at two'")]
    [InlineData("secrets.yaml", "", "secretsFile")]
    public async Task AComponentThatCannotInitialiseStopsStartUpNamingTheFile(string file, string value, string named)
    {
        var yaml = file == "cron.yaml" ? ComponentYaml.Cron("c", value) : ComponentYaml.SecretStore("s", value);
        var components = Sidecars.Components((file, yaml));

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            Sidecars.StartWithComponentsAsync("app", components));

        Assert.Contains(Path.Combine(components, file), error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task OtherResourceKindsAndSeveralDocumentsPerFileAreRead()
    {
        var components = Sidecars.Components(("all.yaml", $"""
            apiVersion: dapr.io/v1alpha1
            kind: Configuration
            metadata:
              name: tracing
            spec:
              tracing:
                samplingRate: "1"
            ---
            {ComponentYaml.Cron("tick", "@hourly")}
            """));

        var sidecar = await Sidecars.StartWithComponentsAsync("app", components);

        using var http = new HttpClient();
        Assert.Contains("\"tick\"", await http.GetStringAsync(new Uri(sidecar.HttpEndpoint, "/v1.0/metadata")));
    }

    [Fact]
    public async Task AMissingResourcesPathStopsStartUp()
    {
        var missing = Path.Combine(Sidecars.Directory, "nope");

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            Sidecars.StartWithComponentsAsync("app", missing));

        Assert.Contains(missing, error.Message);
    }

    private static string StateStore(string scopes) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: statestore
        spec:
          type: state.redis
        {scopes}
        """;

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Loyalife.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Loyalife.sln not found above the test binaries.");
    }
}
