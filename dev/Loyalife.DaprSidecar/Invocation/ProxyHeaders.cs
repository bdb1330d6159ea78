using Microsoft.Extensions.Primitives;

namespace Loyalife.DaprSidecar.Invocation;

/// <summary>
/// Header handling of a well-behaved proxy: hop-by-hop headers (RFC 9110 §7.6.1, plus any named in
/// <c>Connection</c>) stop here, everything else travels on. Trace headers are not copied because the
/// outgoing HTTP client writes the sidecar's own span into <c>traceparent</c>, continuing the trace.
/// </summary>
internal static class ProxyHeaders
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "Proxy-Authenticate", "Proxy-Authorization",
        "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host", "Expect",
    };

    private static readonly HashSet<string> NotForwarded = new(StringComparer.OrdinalIgnoreCase)
    {
        "traceparent", "tracestate", "dapr-app-id", "dapr-api-token", "dapr-caller-app-id",
        "dapr-callee-app-id", SidecarHop.KeyHeader, SidecarHop.CallerHeader,
    };

    public static void CopyRequest(HttpRequest from, HttpRequestMessage to)
    {
        var connectionNamed = Named(from.Headers.Connection);
        foreach (var (name, values) in from.Headers)
        {
            if (HopByHop.Contains(name) || NotForwarded.Contains(name) || connectionNamed.Contains(name))
                continue;
            if (!to.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                to.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
    }

    public static void CopyResponse(HttpResponseMessage from, HttpResponse to)
    {
        var connectionNamed = Named(new StringValues([.. from.Headers.Connection]));
        foreach (var (name, values) in from.Headers.Concat(from.Content.Headers))
        {
            if (HopByHop.Contains(name) || connectionNamed.Contains(name)
                || name.Equals("Server", StringComparison.OrdinalIgnoreCase)
                || name.Equals("Date", StringComparison.OrdinalIgnoreCase))
                continue;
            to.Headers[name] = values.ToArray();
        }
    }

    private static HashSet<string> Named(StringValues connection) =>
        new(connection.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            StringComparer.OrdinalIgnoreCase);
}
