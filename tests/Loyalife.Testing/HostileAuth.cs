namespace Loyalife.Testing;

/// <summary>The credentials a bad input sweep sends: none, wrong ones, and right ones in the wrong place.</summary>
public static class HostileAuth
{
    /// <summary>alg "none", expired in 2001: a token no admin scheme may accept.</summary>
    public const string ExpiredUnsignedJwt =
        "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJhZG1pbiIsImV4cCI6MTAwMDAwMDAwMCwiYXVkIjoibG95YWxpZmUifQ.";

    public static void None(HttpRequestMessage request)
    {
    }

    public static Action<HttpRequestMessage> Bearer(string token) => Raw("Bearer " + token);

    public static Action<HttpRequestMessage> Basic(string user, string password) =>
        Raw("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));

    public static Action<HttpRequestMessage> Raw(string authorization) =>
        request => request.Headers.TryAddWithoutValidation("Authorization", authorization);

    /// <summary>The header a Dapr sidecar adds when it calls its app (<c>APP_API_TOKEN</c>).</summary>
    public static Action<HttpRequestMessage> AppToken(string token) =>
        request => request.Headers.TryAddWithoutValidation("dapr-api-token", token);
}
