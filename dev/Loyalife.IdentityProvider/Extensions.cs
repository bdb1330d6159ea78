using Loyalife.IdentityProvider.Clients;
using Microsoft.EntityFrameworkCore;

namespace Loyalife.IdentityProvider;

internal static class Extensions
{
    public static WebApplicationBuilder AddIdentityProviderServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdentityProviderOptions>().BindConfiguration(IdentityProviderOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();

        // Clients, authorization codes and their redemptions live in memory: a restart forgets them all, which
        // for a development provider is a feature (no database server to run, nothing to clean up).
        // Named per provider: EF Core shares an in-memory database by name across a process (tests run several providers).
        var database = $"identity-{Guid.NewGuid():N}";
        builder.Services.AddDbContext<IdentityStore>(store => store.UseInMemoryDatabase(database).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityStore>())
            .AddServer(server =>
            {
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                // Keys made at every start and never stored: tokens die with the process, as development tokens should.
                server.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // The services validate the access token themselves (JwtBearer), so it is a signed JWT, not a JWE.
                server.DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // Locally everything speaks plain http on loopback; a real provider (Entra) is https.
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.AddHostedService<ClientRegistrar>();
        return builder;
    }
}
