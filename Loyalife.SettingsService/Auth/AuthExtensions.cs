using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Loyalife.SettingsService.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddAdminAndDaprAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DaprAppTokenOptions>().Bind(builder.Configuration).ValidateDataAnnotations().ValidateOnStart();

        var configuration = builder.Configuration;
        var authentication = builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AdminTokenHandler>(AdminTokenHandler.SchemeName, null)
            // Read lazily, so configuration added by a host after this call (tests, Aspire) still counts.
            .AddDapr(dapr => dapr.Token = configuration["APP_API_TOKEN"]);

        var jwt = configuration.GetSection(AdminOptions.Section).Get<AdminOptions>()?.Jwt;
        var adminSchemes = new List<string> { AdminTokenHandler.SchemeName };
        if (jwt is { IsConfigured: true })
        {
            authentication.AddJwtBearer(bearer =>
            {
                bearer.Authority = jwt.Authority;
                bearer.Audience = jwt.Audience;
                bearer.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
            });
            adminSchemes.Add(JwtBearerDefaults.AuthenticationScheme);
        }

        builder.Services.AddAuthorization(authorization =>
        {
            authorization.AddPolicy(Policies.Admin, policy => policy
                .AddAuthenticationSchemes([.. adminSchemes])
                .RequireAuthenticatedUser());
            authorization.AddDapr(Policies.ThroughDapr);
        });
        return builder;
    }
}
