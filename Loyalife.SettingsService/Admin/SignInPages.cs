using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;

namespace Loyalife.SettingsService.Admin;

/// <summary>The page a person sees when signing in cannot work: said plainly, with the way back, never a 500.</summary>
internal static class SignInPages
{
    public static IResult Unavailable(string why) => TypedResults.Content(Page(why), "text/html; charset=utf-8", Encoding.UTF8, StatusCodes.Status503ServiceUnavailable);

    /// <summary>The provider sent the person back with an error, or the answer could not be redeemed.</summary>
    public static async Task RemoteFailureAsync(RemoteFailureContext context)
    {
        context.HandleResponse();
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SignInPages))
            .LogWarning("Sign-in through the identity provider failed: {Error}", context.Failure?.GetType().Name);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(Page("The identity provider did not complete the sign-in."));
    }

    private static string Page(string why) => $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign-in unavailable · Loyalife admin</title><link rel="stylesheet" href="/admin/admin.css"></head>
        <body><main id="main"><section class="card narrow" aria-labelledby="heading">
          <h1 id="heading">Sign-in is not available</h1>
          <p class="lead" id="sign-in-problem">{HtmlEncoder.Default.Encode(why)} Try again in a few minutes; if it persists, tell your Loyalife administrator.</p>
          <p class="actions"><a class="button primary" href="{AdminSession.SignInPath}">Try again</a> <a class="button" href="/admin">Back to the admin page</a></p>
        </section></main></body></html>
        """;
}
