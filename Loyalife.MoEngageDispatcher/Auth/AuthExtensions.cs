using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace Loyalife.MoEngageDispatcher.Auth;

internal static class AuthExtensions
{
    /// <summary>
    /// Dapr app-token and admin authentication. Refuses to start without <c>APP_API_TOKEN</c>: without it
    /// anyone could fire the nightly sync.
    /// </summary>
    public static void AddDispatcherAuth(this IHostApplicationBuilder builder)
    {
        var appApiToken = builder.Configuration["APP_API_TOKEN"];
        if (string.IsNullOrWhiteSpace(appApiToken))
        {
            throw new InvalidOperationException(
                "APP_API_TOKEN is not set: the dispatcher accepts the cron binding only through Dapr with the app API token. Set the APP_API_TOKEN environment variable.");
        }

        var adminToken = builder.Configuration["Admin:Token"];
        var authority = builder.Configuration["Admin:Jwt:Authority"];
        if (string.IsNullOrWhiteSpace(adminToken) && string.IsNullOrWhiteSpace(authority))
        {
            throw new InvalidOperationException(
                "Admin:Token is not set (environment variable Admin__Token) and no Admin:Jwt:Authority is configured: nobody could call the sync-runs API.");
        }

        var authentication = builder.Services.AddAuthentication()
            .AddDapr(dapr => dapr.Token = appApiToken)
            .AddScheme<AdminTokenOptions, AdminTokenHandler>(AdminTokenHandler.SchemeName, admin => admin.Token = adminToken);
        string[] adminSchemes = [AdminTokenHandler.SchemeName];
        if (!string.IsNullOrWhiteSpace(authority))
        {
            authentication.AddJwtBearer(jwt =>
            {
                jwt.Authority = authority;
                jwt.Audience = builder.Configuration["Admin:Jwt:Audience"];
            });
            adminSchemes = [AdminTokenHandler.SchemeName, JwtBearerDefaults.AuthenticationScheme];
        }

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.Dapr, policy => policy.AddAuthenticationSchemes("Dapr").RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Admin, policy => policy.AddAuthenticationSchemes(adminSchemes).RequireAuthenticatedUser());
    }
}
