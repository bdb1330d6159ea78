using Loyalife.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Says on each operation which credentials it requires (the admin bearer token or JWT, or the Dapr app token
/// of a call through the sidecar) and declares the 401 and 403 that requirement implies, so a client learns of
/// it from the document, not by being refused.
/// </summary>
internal sealed class SecurityRequirements : IOpenApiOperationTransformer
{
    public const string Bearer = "bearer";
    public const string DaprAppToken = "dapr-app-token";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var policies = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>().Select(data => data.Policy).ToList();
        if (policies.Count == 0 || context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var scheme = policies.Contains(AuthPolicies.ThroughDapr) ? DaprAppToken : Bearer;
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] });
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "The credentials are missing or not valid." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The credentials are valid but do not allow this." });
        return Task.CompletedTask;
    }
}
