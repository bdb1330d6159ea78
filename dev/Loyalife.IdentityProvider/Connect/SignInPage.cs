using System.Text;

namespace Loyalife.IdentityProvider.Connect;

/// <summary>The provider's only pages: who to sign in as, and a home page saying what this is.</summary>
public static class SignInPage
{
    private const string Warning =
        "Development only: the people below are made up, anyone who reaches this page may sign in as any of them, and the signing key is generated at each start.";

    /// <summary>The demo people, each a link that repeats the authorization request with that person chosen.</summary>
    public static IResult Choose(QueryString request)
    {
        var people = new StringBuilder();
        foreach (var person in DemoPeople.All)
        {
            var link = request.Add(ConnectEndpoints.PersonParameter, person.Subject);
            people.Append($"""
                <li><a class="person" id="person-{Encode(person.Subject)}" href="/connect/authorize{Encode(link.ToUriComponent())}">
                  <strong>{Encode(person.Name)}</strong> <span>{Encode(person.UserName)}</span>
                  <small>{Encode(person.Description)} Programs: {Encode(string.Join(", ", person.Programs))}; role {Encode(person.Role)}.</small>
                </a></li>
                """);
        }

        return Page("Sign in", $"<h1>Sign in to Loyalife</h1><p>Choose who you are.</p><ul class=\"people\">{people}</ul>");
    }

    public static IResult Home() => Page("Development identity provider",
        "<h1>Loyalife development identity provider</h1><p>An OpenID Connect provider for running Loyalife locally. " +
        "Its discovery document is <a href=\"/.well-known/openid-configuration\">/.well-known/openid-configuration</a>; " +
        "the admin page of settings-service signs people in here.</p>");

    private static ContentHttpResult Page(string title, string body) => TypedResults.Content($$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{Encode(title)}} · Loyalife development identity provider</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f5f7; color: #1d2433; }
          main { max-width: 36rem; margin: 3rem auto; padding: 0 1rem; }
          .warning { background: #fff4d6; border: 1px solid #e0b84c; padding: .75rem 1rem; border-radius: 6px; }
          .people { list-style: none; padding: 0; }
          .person { display: block; background: #fff; border: 1px solid #cfd4dc; border-radius: 6px; padding: .75rem 1rem; margin: .5rem 0; color: inherit; text-decoration: none; }
          .person:hover, .person:focus { border-color: #2f5bd3; outline: 2px solid #2f5bd3; }
          .person span, .person small { display: block; color: #4a5365; }
        </style></head>
        <body><main>{{body}}<p class="warning" role="note">{{Encode(Warning)}}</p></main></body></html>
        """, "text/html; charset=utf-8");

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
