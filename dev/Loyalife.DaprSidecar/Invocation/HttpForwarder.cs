using Microsoft.AspNetCore.Http.Features;

namespace Loyalife.DaprSidecar.Invocation;

/// <summary>
/// Streams one incoming request to another HTTP endpoint and its answer back, body and all, without
/// buffering (10 MB bodies pass through in constant memory). The target's status, headers and body are
/// passed through unchanged, as daprd does for HTTP invocation.
/// </summary>
internal sealed class HttpForwarder(HttpMessageInvoker client, ILogger<HttpForwarder> logger)
{
    public async Task ForwardAsync(
        HttpContext context, Uri target, Action<HttpRequestMessage> decorate, Func<string, DaprError> failure)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), target);
        if (context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? true)
            request.Content = new StreamContent(incoming.Body);
        ProxyHeaders.CopyRequest(incoming, request);
        decorate(request);

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, context.RequestAborted);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Forwarding {Method} to {Target} failed: {Error}", incoming.Method, target, e.Message);
            await failure(e.Message).WriteAsync(context);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            ProxyHeaders.CopyResponse(response, context.Response);
            await using var body = await response.Content.ReadAsStreamAsync(context.RequestAborted);
            await body.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
    }
}
