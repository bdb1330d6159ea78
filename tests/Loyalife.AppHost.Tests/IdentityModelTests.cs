using Loyalife.AppHost.Identity;

namespace Loyalife.AppHost.Tests;

public sealed class IdentityModelTests
{
    private static readonly string[] AdminServices = ["settings-service", "moengage-dispatcher"];

    [Fact]
    public async Task TheLocalProviderSignsAdminsInAtEveryServiceWithAnAdminApi()
    {
        var model = await AppHostModel.CreateAsync();
        var authority = $"http://localhost:{AppHostModel.Port(model.Resource("identity"), "http")}";

        foreach (var service in AdminServices)
        {
            var environment = await model.EnvironmentAsync(service);
            Assert.Equal(authority, environment["Admin__Jwt__Authority"]);
            Assert.Equal(IdentityProviderExtensions.LocalAudience, environment["Admin__Jwt__Audience"]);
            Assert.Equal("false", environment["Admin__Jwt__RequireHttpsMetadata"]);
            // A nightly run never needs a person's sign-in, so no service waits for the provider.
            Assert.DoesNotContain(model.Resource(service).Annotations.OfType<WaitAnnotation>(), w => w.Resource.Name == "identity");
        }

        Assert.Equal(IdentityProviderExtensions.LocalAudience, (await model.EnvironmentAsync("identity"))["IdentityProvider__Audience"]);
    }

    [Fact]
    public async Task TheAdminPageIsTheLocalProvidersClientWithItsCallbacksAndOneSecret()
    {
        var model = await AppHostModel.CreateAsync();
        var provider = await model.EnvironmentAsync("identity");
        var settings = await model.EnvironmentAsync("settings-service");
        var page = $"http://localhost:{AppHostModel.Port(model.Resource("settings-service"), "http")}";

        Assert.Equal(IdentityProviderExtensions.AdminPageClientId, settings["Admin__SignIn__ClientId"]);
        Assert.Equal(IdentityProviderExtensions.AdminPageClientId, provider["IdentityProvider__AdminPage__ClientId"]);
        Assert.Equal($"{page}/signin-oidc", provider["IdentityProvider__AdminPage__RedirectUris__0"]);
        Assert.Equal($"{page}/signout-callback-oidc", provider["IdentityProvider__AdminPage__PostLogoutRedirectUris__0"]);
        Assert.True(settings["Admin__SignIn__ClientSecret"].Length >= 32);
        Assert.Equal(settings["Admin__SignIn__ClientSecret"], provider["IdentityProvider__AdminPage__ClientSecret"]);
        Assert.True(model.Resource<ParameterResource>("identity-client-secret").Secret);
    }

    [Fact]
    public async Task AnotherProviderNamedByTheParametersReplacesTheLocalOne()
    {
        var model = await AppHostModel.CreateAsync(
            "--Parameters:admin-jwt-authority=https://login.microsoftonline.com/tenant-id/v2.0", "--Parameters:admin-jwt-audience=api://loyalife-admin");

        Assert.DoesNotContain(model.Builder.Resources, r => r.Name == "identity");
        foreach (var service in AdminServices)
        {
            var environment = await model.EnvironmentAsync(service);
            Assert.Equal("https://login.microsoftonline.com/tenant-id/v2.0", environment["Admin__Jwt__Authority"]);
            Assert.Equal("api://loyalife-admin", environment["Admin__Jwt__Audience"]);
            Assert.False(environment.ContainsKey("Admin__Jwt__RequireHttpsMetadata"));
        }
    }

    [Fact]
    public async Task AnHttpAuthorityIsAllowedInDevelopmentOnly()
    {
        string[] http = ["--Parameters:admin-jwt-authority=http://localhost:5005", "--Parameters:admin-jwt-audience=loyalife"];

        var development = await AppHostModel.CreateAsync([.. http, "--environment=Development"]);
        Assert.Equal("http://localhost:5005", (await development.EnvironmentAsync("settings-service"))["Admin__Jwt__Authority"]);
        var refused = await Assert.ThrowsAsync<DistributedApplicationException>(() => AppHostModel.CreateAsync([.. http, "--environment=Production"]));
        Assert.Contains("only Development", refused.Message);
    }

    [Fact]
    public async Task OneParameterWithoutTheOtherIsRefused()
    {
        var refused = await Assert.ThrowsAsync<DistributedApplicationException>(
            () => AppHostModel.CreateAsync("--Parameters:admin-jwt-authority=https://login.example.com"));

        Assert.Contains("admin-jwt-audience", refused.Message);
    }
}
