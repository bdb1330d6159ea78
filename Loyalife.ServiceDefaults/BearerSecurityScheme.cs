using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Says in each service's OpenAPI document how a caller authenticates: an admin with a bearer token (the admin
/// token, or an identity provider's JWT where one is configured) and what it may reach (docs/access.md), a sidecar
/// with the Dapr app token.
/// </summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An identity provider's JWT where one is configured, naming the caller's programs (loyalife_programs) and role (roles: "
                + "loyalife.viewer or loyalife.editor); a program outside them answers 404, a viewer's change 403. Or the admin token (the AppHost's "
                + "admin-token parameter): every program, editor.",
        };
        document.Components.SecuritySchemes[SecurityRequirements.DaprAppToken] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "dapr-api-token",
            Description = "The Dapr app token the sidecar adds to a call it delivers: these operations answer only calls that came through Dapr.",
        };
        return Task.CompletedTask;
    }
}
