using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Declares what ASP.NET Core itself answers for an operation that reads a JSON body, before the handler runs:
/// 415 to another media type (decided while routing, so even before credentials are checked) and 400 to a body
/// that is not the JSON the operation reads.
/// </summary>
internal sealed class BodyResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.RequestBody is null)
        {
            return Task.CompletedTask;
        }

        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("400", new OpenApiResponse { Description = "The body is not the JSON this operation reads." });
        operation.Responses.TryAdd("415", new OpenApiResponse { Description = "The body is not application/json." });
        return Task.CompletedTask;
    }
}
