namespace Loyalife.SettingsService.Tests.Support;

/// <summary>
/// A MoEngage that answers Test Connection and Get User as a test scripts them (each answer worked out from the
/// request body), and keeps every request as it arrived on the wire: for what the stand-in cannot be made to do,
/// such as failing only Get User, or showing whether a body came with a Content-Length.
/// </summary>
public sealed class ScriptedMoEngage : IAsyncDisposable
{
    private readonly WebApplication app;

    private ScriptedMoEngage(WebApplication app) => this.app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>For <c>MoEngage:ApiBaseUrl</c>.</summary>
    public string ApiBaseUrlTemplate => $"{app.Urls.First()}/dc/{{dc}}";

    public static async Task<ScriptedMoEngage> StartAsync(Func<string, IResult> testConnection, Func<string, IResult> getUser)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var scripted = new ScriptedMoEngage(app);
        app.MapPost("/dc/{dc}/v1/integrations/authentication", (HttpRequest request) => scripted.AnswerAsync(request, testConnection));
        app.MapPost("/dc/{dc}/v1/customers/export", (HttpRequest request) => scripted.AnswerAsync(request, getUser));
        await app.StartAsync();
        return scripted;
    }

    public static IResult TestConnectionSucceeds(string body) => Results.Json(new { status = "success", app_name = "Scripted workspace" });

    /// <summary>Get User's documented success answer: every identifier asked about is listed as not found.</summary>
    public static IResult GetUserAnswers(string body) => Results.Json(new
    {
        status = "success",
        type = "export_users",
        data = new { users = Array.Empty<object>(), users_not_found = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("identifiers").Clone() },
    });

    public static Func<string, IResult> Fails(int status) => _ => Results.StatusCode(status);

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> AnswerAsync(HttpRequest request, Func<string, IResult> answer)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        Received.Enqueue(new ReceivedRequest(request.Path + request.QueryString, request.Headers.ContentLength,
            request.Headers.TransferEncoding.ToString(), request.Headers.ContentType.ToString(), request.Headers.Authorization.ToString(), body));
        return answer(body);
    }
}
