namespace Loyalife.SettingsService.Admin;

/// <summary>
/// The dispatcher's answer passed on to the admin page as it came (status, content type, body streamed), for
/// the answers that mean something to an admin; anything else has become a 502 before this is made.
/// </summary>
public sealed class DispatcherAnswer(HttpResponseMessage response) : IResult, Microsoft.AspNetCore.Http.Metadata.IEndpointMetadataProvider
{
    /// <summary>The dispatcher's own answer passes through, so the OpenAPI document learns its success here; its other statuses each route declares.</summary>
    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, null, ["application/json"]));

    public HttpResponseMessage Response { get; } = response;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (Response)
        {
            httpContext.Response.StatusCode = (int)Response.StatusCode;
            if (Response.Content.Headers.ContentType is { } type)
            {
                httpContext.Response.ContentType = type.ToString();
            }

            if (Response.Headers.RetryAfter is { } retryAfter)
            {
                httpContext.Response.Headers.RetryAfter = retryAfter.ToString();
            }

            if (Response.Content.Headers.ContentDisposition is { } disposition)
            {
                httpContext.Response.Headers.ContentDisposition = disposition.ToString();
            }

            await Response.Content.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
        }
    }
}
