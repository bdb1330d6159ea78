using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;

namespace Loyalife.ServiceDefaults.Auth;

/// <summary>
/// The two ways in to a Loyalife service, set up alike everywhere: both settings are validated when the
/// host starts (a missing one stops the start with a message naming it), and the policies have the names in
/// <see cref="AuthPolicies"/>. A service calls the ones it needs, then <c>UseAuthentication()</c> and
/// <c>UseAuthorization()</c>.
/// </summary>
public static class AuthenticationExtensions
{
    /// <summary>
    /// The <see cref="AuthPolicies.Admin"/> policy: the bearer token <c>Admin:Token</c> (re-read on change),
    /// or a JWT from <c>Admin:Jwt:Authority</c> for <c>Admin:Jwt:Audience</c> when both are set, or any of
    /// <paramref name="moreSchemes"/> the service registers itself (settings-service: the admin page's session); and
    /// <see cref="AuthPolicies.ProgramAccess"/>, the same admin allowed on the route's program.
    /// </summary>
    public static IHostApplicationBuilder AddAdminAuthentication(this IHostApplicationBuilder builder, params string[] moreSchemes)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        var authentication = builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(AdminTokenHandler.SchemeName, null);
        string[] schemes = [AdminTokenHandler.SchemeName];
        // Whether there is an issuer at all decides the schemes, so it is read here; its validation is AdminOptions'.
        var jwt = builder.Configuration.GetSection(AdminOptions.Section).Get<AdminOptions>()?.Jwt;
        if (jwt is { IsConfigured: true })
        {
            authentication.AddJwtBearer(bearer =>
            {
                bearer.Authority = jwt.Authority;
                bearer.Audience = jwt.Audience;
                bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
                // Claims keep the names the provider gave them, so "roles" and "loyalife_programs" are read as sent (docs/access.md).
                bearer.MapInboundClaims = false;
                bearer.TokenValidationParameters.NameClaimType = "name";
            });
            schemes = [AdminTokenHandler.SchemeName, JwtBearerDefaults.AuthenticationScheme];
        }

        schemes = [.. schemes, .. moreSchemes];
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Admin, policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.ProgramAccess, policy => policy.AddAuthenticationSchemes(schemes).RequireAuthenticatedUser()
                .AddRequirements(new ProgramAccessRequirement()));
        builder.Services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProgramAccessResultHandler>();
        return builder;
    }

    /// <summary>
    /// The <see cref="AuthPolicies.ThroughDapr"/> policy: the call carries <c>dapr-api-token: {APP_API_TOKEN}</c>,
    /// which only the service's own sidecar sends. Without <c>APP_API_TOKEN</c> the service does not start.
    /// </summary>
    public static IHostApplicationBuilder AddDaprAppTokenAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DaprAppTokenOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();

        var configuration = builder.Configuration;
        // Read lazily, so configuration added by a host after this call (tests, Aspire) still counts.
        builder.Services.AddAuthentication().AddDapr(dapr => dapr.Token = configuration["APP_API_TOKEN"]);
        builder.Services.AddAuthorization(authorization => authorization.AddDapr(AuthPolicies.ThroughDapr));
        return builder;
    }
}
