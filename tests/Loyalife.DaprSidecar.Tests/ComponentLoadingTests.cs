using System.Net;
using Loyalife.DaprSidecar.Tests.Support;

namespace Loyalife.DaprSidecar.Tests;

public sealed class ComponentLoadingTests : IAsyncDisposable
{
    private readonly TestSidecars _sidecars = new();

    public async ValueTask DisposeAsync() => await _sidecars.DisposeAsync();

    [Fact]
    public async Task AComponentScopedToAnotherAppIsNotLoaded()
    {
        await File.WriteAllTextAsync(Path.Combine(_sidecars.Directory, "s.json"), """{"k":"v"}""");
        var components = _sidecars.Components(
            ("mine.yaml", ComponentYaml.SecretStore("mine", "s.json", scopes: "scoped-app")),
            ("theirs.yaml", ComponentYaml.SecretStore("theirs", "s.json", scopes: "settings-service")));
        var sidecar = await _sidecars.StartAsync("scoped-app", null, "--resources-path", components);
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

        var settings = await _sidecars.StartAsync("settings-service", null, "--resources-path", components);
        var dispatcher = await _sidecars.StartAsync("moengage-dispatcher", null, "--resources-path", components);

        using var http = new HttpClient();
        Assert.Contains("secretstores.local.file", await http.GetStringAsync(new Uri(settings.HttpEndpoint, "/v1.0/metadata")));
        Assert.Contains("nightly-sync", await http.GetStringAsync(new Uri(dispatcher.HttpEndpoint, "/v1.0/metadata")));
    }

    [Fact]
    public async Task AnUnsupportedTypeStopsStartUpNamingTypeAndFile()
    {
        var components = _sidecars.Components(("state.yaml", StateStore(scopes: "")));

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            _sidecars.StartAsync("app", null, "--resources-path", components));

        Assert.Contains("'state.redis'", error.Message);
        Assert.Contains(Path.Combine(components, "state.yaml"), error.Message);
    }

    [Fact]
    public async Task AnUnsupportedTypeScopedToAnotherAppIsNoConcern()
    {
        var components = _sidecars.Components(("state.yaml", StateStore(scopes: "scopes: [someone-else]")));

        await _sidecars.StartAsync("app", null, "--resources-path", components);
    }

    [Fact]
    public async Task MalformedYamlStopsStartUpNamingTheFile()
    {
        var components = _sidecars.Components(("broken.yaml", "kind: Component\nmetadata: [unclosed\n  name: x"));

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            _sidecars.StartAsync("app", null, "--resources-path", components));

        Assert.Contains(Path.Combine(components, "broken.yaml"), error.Message);
        Assert.Contains("not valid YAML", error.Message);
    }

    [Theory]
    [InlineData("cron.yaml", "every day at two", "'every day at two'")]
    [InlineData("secrets.yaml", "", "secretsFile")]
    public async Task AComponentThatCannotInitialiseStopsStartUpNamingTheFile(string file, string value, string named)
    {
        var yaml = file == "cron.yaml" ? ComponentYaml.Cron("c", value) : ComponentYaml.SecretStore("s", value);
        var components = _sidecars.Components((file, yaml));

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            _sidecars.StartAsync("app", null, "--resources-path", components));

        Assert.Contains(Path.Combine(components, file), error.Message);
        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task OtherResourceKindsAndSeveralDocumentsPerFileAreRead()
    {
        var components = _sidecars.Components(("all.yaml", $"""
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

        var sidecar = await _sidecars.StartAsync("app", null, "--resources-path", components);

        using var http = new HttpClient();
        Assert.Contains("\"tick\"", await http.GetStringAsync(new Uri(sidecar.HttpEndpoint, "/v1.0/metadata")));
    }

    [Fact]
    public async Task AMissingResourcesPathStopsStartUp()
    {
        var missing = Path.Combine(_sidecars.Directory, "nope");

        var error = await Assert.ThrowsAsync<SidecarStartupException>(() =>
            _sidecars.StartAsync("app", null, "--resources-path", missing));

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
