using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Loyalife.DaprSidecar.Invocation;

/// <summary>
/// HTTP service invocation: <c>/v1.0/invoke/{appId}/method/{method}</c> or any path with a
/// <c>dapr-app-id</c> header goes to the callee's sidecar (found in the registry), which hands it to its
/// app at <c>{app-protocol}://{app-channel-address}:{app-port}/{method}</c>.
/// </summary>
internal static class InvocationApi
{
    private const string InvokePrefix = "/v1.0/invoke/";
    private const string AppIdHeader = "dapr-app-id";

    public static IApplicationBuilder UseInvocationHeader(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // daprd routes any request carrying dapr-app-id to invocation, the whole path being the method.
            var appId = context.Request.Headers[AppIdHeader].ToString();
            if (appId.Length > 0 && !context.Request.Path.StartsWithSegments(SidecarHop.PathPrefix)
                && !context.Request.Path.StartsWithSegments("/v1.0/invoke"))
            {
                // No route matched, so the server span has no template name; give it one that says what happened.
                if (context.Features.Get<IHttpActivityFeature>()?.Activity is { } span)
                    span.DisplayName = $"{context.Request.Method} invoke {appId}";
                await InvokeAsync(context, appId, RawTarget(context).TrimStart('/'));
                return;
            }
            await next(context);
        });

    public static IEndpointRouteBuilder MapInvocationApi(this IEndpointRouteBuilder routes)
    {
        routes.Map("/v1.0/invoke/{appId}/method/{**method}", (HttpContext context, string appId) =>
        {
            var raw = RawTarget(context);
            var start = raw.IndexOf("/method/", InvokePrefix.Length, StringComparison.Ordinal);
            return InvokeAsync(context, appId, start < 0 ? "" : raw[(start + "/method/".Length)..]);
        });
        routes.Map(SidecarHop.PathPrefix + "/{**method}", (HttpContext context) =>
            ServeHopAsync(context, RawTarget(context)[(SidecarHop.PathPrefix.Length + 1)..]));
        return routes;
    }

    private static async Task InvokeAsync(HttpContext context, string appId, string methodAndQuery)
    {
        var sidecar = context.RequestServices.GetRequiredService<SidecarContext>();
        if (appId == sidecar.Options.AppId)
        {
            await ForwardToAppAsync(context, methodAndQuery, sidecar.Options.AppId);
            return;
        }

        var callee = context.RequestServices.GetRequiredService<SidecarRegistry>().Find(appId);
        if (callee is null)
        {
            await DaprError.DirectInvoke(appId, $"couldn't find service: {appId}").WriteAsync(context);
            return;
        }
        var forwarder = context.RequestServices.GetRequiredService<HttpForwarder>();
        await forwarder.ForwardAsync(
            context,
            new Uri(callee.HttpEndpoint, $"{SidecarHop.PathPrefix}/{methodAndQuery}"),
            request =>
            {
                request.Headers.TryAddWithoutValidation(SidecarHop.KeyHeader, callee.HopKey);
                request.Headers.TryAddWithoutValidation(SidecarHop.CallerHeader, sidecar.Options.AppId);
                AddForwardedHeaders(request);
            },
            error => DaprError.DirectInvoke(appId, error));
    }

    private static async Task ServeHopAsync(HttpContext context, string methodAndQuery)
    {
        var key = context.RequestServices.GetRequiredService<HopKey>().Value;
        var sent = context.Request.Headers[SidecarHop.KeyHeader].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(key)))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        var caller = context.Request.Headers[SidecarHop.CallerHeader].ToString();
        await ForwardToAppAsync(context, methodAndQuery, caller);
    }

    private static async Task ForwardToAppAsync(HttpContext context, string methodAndQuery, string callerAppId)
    {
        var sidecar = context.RequestServices.GetRequiredService<SidecarContext>();
        var appId = sidecar.Options.AppId;
        if (sidecar.Options.AppBaseUri is not { } app)
        {
            await DaprError.DirectInvoke(appId, "app channel is not initialized").WriteAsync(context);
            return;
        }
        var forwarder = context.RequestServices.GetRequiredService<HttpForwarder>();
        await forwarder.ForwardAsync(
            context,
            new Uri(app, "/" + methodAndQuery),
            request =>
            {
                request.Headers.TryAddWithoutValidation("dapr-caller-app-id", callerAppId);
                request.Headers.TryAddWithoutValidation("dapr-callee-app-id", appId);
                if (sidecar.Environment.AppApiToken is { } token)
                    request.Headers.TryAddWithoutValidation(ApiTokenMiddleware.Header, token);
            },
            error => DaprError.DirectInvoke(appId, $"error invoking app channel: {error}"));
    }

    // daprd appends these on every call to another app's sidecar (directMessaging.addForwardedHeadersToMetadata).
    private static void AddForwardedHeaders(HttpRequestMessage request)
    {
        const string address = "127.0.0.1";
        var host = System.Net.Dns.GetHostName();
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", address);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Host", host);
        request.Headers.TryAddWithoutValidation("Forwarded", $"for={address};by={address};host={host}");
    }

    private static string RawTarget(HttpContext context) =>
        context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw && raw.StartsWith('/')
            ? raw
            : context.Request.Path + context.Request.QueryString;
}
