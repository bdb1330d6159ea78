namespace Loyalife.AppHost.Identity;

public static class IdentityProviderExtensions
{
    public const string AuthorityParameterName = "admin-jwt-authority";
    public const string AudienceParameterName = "admin-jwt-audience";

    /// <summary>The audience the local provider writes into its access tokens.</summary>
    public const string LocalAudience = "loyalife-admin";

    /// <summary>The admin page's client at the local provider.</summary>
    public const string AdminPageClientId = "loyalife-admin-page";

    /// <summary>
    /// The parameters <c>admin-jwt-authority</c> and <c>admin-jwt-audience</c> when set (any OpenID Connect provider;
    /// an http:// authority only in Development), otherwise the development provider of <c>dev/</c> as resource
    /// <paramref name="name"/>, with the admin page registered as its client.
    /// </summary>
    public static AdminIdentity AddAdminIdentity(this IDistributedApplicationBuilder builder, string name)
    {
        var authority = builder.Configuration[$"Parameters:{AuthorityParameterName}"];
        var audience = builder.Configuration[$"Parameters:{AudienceParameterName}"];
        if (!string.IsNullOrEmpty(authority) || !string.IsNullOrEmpty(audience))
        {
            return builder.AddExternalIdentity(authority, audience);
        }

        var secret = builder.AddParameter($"{name}-client-secret", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        var provider = builder.AddProject<Projects.Loyalife_IdentityProvider>(name);
        // The provider ships no launch profile; should it gain one, its "http" endpoint is kept.
        if (!provider.Resource.Annotations.OfType<EndpointAnnotation>().Any(e => e.Name == "http"))
        {
            provider.WithHttpEndpoint(name: "http");
        }

        provider.WithEnvironment("IdentityProvider__Audience", LocalAudience)
            .WithEnvironment("IdentityProvider__AdminPage__ClientId", AdminPageClientId)
            .WithEnvironment("IdentityProvider__AdminPage__ClientSecret", secret)
            .WithHttpHealthCheck("/health");
        return new AdminIdentity(ReferenceExpression.Create($"{provider.GetEndpoint("http")}"), ReferenceExpression.Create($"{LocalAudience}"), provider)
        {
            ClientSecret = secret,
        };
    }

    private static AdminIdentity AddExternalIdentity(this IDistributedApplicationBuilder builder, string? authority, string? audience)
    {
        if (string.IsNullOrEmpty(authority) || string.IsNullOrEmpty(audience))
        {
            throw new DistributedApplicationException($"Set both {AuthorityParameterName} and {AudienceParameterName}, or neither (the local identity provider).");
        }

        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new DistributedApplicationException($"{AuthorityParameterName} must be an absolute https:// URL, not '{authority}'.");
        }

        if (uri.Scheme == "http" && !builder.Environment.IsDevelopment())
        {
            throw new DistributedApplicationException($"{AuthorityParameterName} is http://, which only Development allows: tokens must come over https.");
        }

        var authorityParameter = builder.AddParameter(AuthorityParameterName).WithDescription("The OpenID Connect authority whose JWTs sign admins in.");
        var audienceParameter = builder.AddParameter(AudienceParameterName).WithDescription("The audience of that authority's access tokens for Loyalife.");
        return new AdminIdentity(ReferenceExpression.Create($"{authorityParameter}"), ReferenceExpression.Create($"{audienceParameter}"), null);
    }

    /// <summary>
    /// Tells a service which provider's JWTs sign admins in. It does not wait for the provider: only a person's
    /// sign-in needs it, never a nightly run.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithAdminIdentity(this IResourceBuilder<ProjectResource> service, AdminIdentity identity)
    {
        service.WithEnvironment("Admin__Jwt__Authority", identity.Authority)
            .WithEnvironment("Admin__Jwt__Audience", identity.Audience);
        if (identity.LocalProvider is not null)
        {
            // The local provider speaks plain http on loopback.
            service.WithEnvironment("Admin__Jwt__RequireHttpsMetadata", "false");
        }

        return service;
    }

    /// <summary>The admin page signs people in at the local provider, which sends them back to its callback addresses.</summary>
    public static IResourceBuilder<ProjectResource> WithAdminPageSignIn(this IResourceBuilder<ProjectResource> settings, AdminIdentity identity)
    {
        if (identity is not { LocalProvider: { } provider, ClientSecret: { } secret })
        {
            return settings;
        }

        var page = settings.GetEndpoint("http");
        provider.WithEnvironment("IdentityProvider__AdminPage__RedirectUris__0", ReferenceExpression.Create($"{page}/signin-oidc"))
            .WithEnvironment("IdentityProvider__AdminPage__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{page}/signout-callback-oidc"));
        return settings.WithEnvironment("Admin__SignIn__ClientId", AdminPageClientId)
            .WithEnvironment("Admin__SignIn__ClientSecret", secret);
    }
}
