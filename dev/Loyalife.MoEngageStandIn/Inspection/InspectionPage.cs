using System.Text.Encodings.Web;

namespace Loyalife.MoEngageStandIn.Inspection;

/// <summary>
/// A read-only page for people: workspaces, their counts and latest requests. Plain HTML, every value
/// encoded, no scripts; the control API is the machine-readable form of the same data.
/// </summary>
internal static class InspectionPage
{
    private const int RequestsShown = 20;

    public static RouteHandlerBuilder MapInspectionPage(this IEndpointRouteBuilder app) =>
        app.MapGet("/", Render).WithTags("Inspection").ExcludeFromDescription();

    private static ContentHttpResult Render(WorkspaceRegistry registry)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>MoEngage stand-in</title>")
            .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:2em}")
            .Append("td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left}</style></head><body>")
            .Append("<h1>MoEngage stand-in</h1><p>Data API under <code>/dc/{dc}/v1/…</code>; JSON at ")
            .Append("<code>/control/workspaces</code>.</p>");
        var workspaces = registry.All.ToList();
        if (workspaces.Count == 0)
        {
            html.Append("<p>No workspaces. Create one with <code>PUT /control/workspaces/{appId}</code>.</p>");
        }

        foreach (var workspace in workspaces)
        {
            AppendWorkspace(html, workspace);
        }

        return TypedResults.Content(html.Append("</body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static void AppendWorkspace(StringBuilder html, Workspace workspace)
    {
        var stats = workspace.Stats();
        html.Append("<h2>").Append(Encode(workspace.AppId)).Append(" <small>(data centre ")
            .Append(Encode(workspace.DataCenter)).Append(", ").Append(Encode(workspace.AppName)).Append(")</small></h2>");
        Row(html.Append("<table>"), "th", "requests", "accepted", "rejected", "rate limited", "customers updated",
            "customers ignored", "profiles created", "events accepted", "events duplicated", "elements rejected", "bytes");
        Row(html, "td", N(stats.Requests), N(stats.AcceptedRequests), N(stats.RejectedRequests), N(stats.RateLimited),
            N(stats.CustomersUpdated), N(stats.CustomersIgnored), N(stats.ProfilesCreated), N(stats.EventsAccepted),
            N(stats.EventsDuplicated), N(stats.ElementsRejected), N(stats.BytesReceived));
        Row(html.Append("</table><table>"), "th", "time", "request", "status", "reason", "bytes", "customers", "events",
            "rejected elements");
        foreach (var entry in workspace.Requests(RequestsShown))
        {
            Row(html, "td", entry.Time.ToString("u", CultureInfo.InvariantCulture), $"{entry.Method} {entry.Path}",
                N(entry.Status), entry.Reason ?? "", N(entry.Bytes), N(entry.Customers), N(entry.Events),
                N(entry.RejectedElements));
        }

        html.Append("</table>");
    }

    private static void Row(StringBuilder html, string cell, params string[] values)
    {
        html.Append("<tr>");
        foreach (var value in values)
        {
            html.Append('<').Append(cell).Append('>').Append(Encode(value)).Append("</").Append(cell).Append('>');
        }

        html.Append("</tr>");
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Encode(string value) => HtmlEncoder.Default.Encode(value);
}
