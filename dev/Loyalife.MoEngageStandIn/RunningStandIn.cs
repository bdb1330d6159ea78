namespace Loyalife.MoEngageStandIn;

/// <summary>A stand-in started by <see cref="MoEngageStandInHost"/>; disposing stops it.</summary>
public sealed class RunningStandIn : IAsyncDisposable
{
    private readonly WebApplication app;

    internal RunningStandIn(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        ApiBaseUrlTemplate = $"{baseUrl.GetLeftPart(UriPartial.Authority)}/dc/{{dc}}";
        Control = new HttpClient { BaseAddress = baseUrl };
    }

    /// <summary>E.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary><c>{BaseUrl}/dc/{dc}</c>: the value for <c>MoEngage:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrlTemplate { get; }

    /// <summary>A client for the control API (and anything else on <see cref="BaseUrl"/>).</summary>
    public HttpClient Control { get; }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
