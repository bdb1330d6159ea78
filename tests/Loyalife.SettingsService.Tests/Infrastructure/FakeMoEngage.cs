using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalife.SettingsService.Tests.Infrastructure;

/// <summary>
/// Stand-in for the MoEngage stand-in until it lands on main: Test Connection and the control call that
/// creates a workspace, with the same contract (BRIEF) so the tests do not change when it is swapped.
/// </summary>
public sealed class FakeMoEngage : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeMoEngage(WebApplication app, Uri baseUrl)
    {
        this.app = app;
        BaseUrl = baseUrl;
        Control = new HttpClient { BaseAddress = baseUrl };
    }

    public Uri BaseUrl { get; }

    public string ApiBaseUrlTemplate => $"{BaseUrl.ToString().TrimEnd('/')}/dc/{{dc}}";

    public HttpClient Control { get; }

    public static async Task<FakeMoEngage> StartAsync()
    {
        var workspaces = new ConcurrentDictionary<string, (string Dc, string Key)>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPut("/control/workspaces/{appId}", (string appId, JsonElement body) =>
        {
            workspaces[appId] = (body.GetProperty("dataCenter").GetString()!, body.GetProperty("apiKey").GetString()!);
            return Results.Ok();
        });
        app.MapPost("/dc/{dc}/v1/integrations/authentication", (string dc, HttpRequest request, JsonElement body) =>
        {
            var appId = body.GetProperty("app_id").GetString()!;
            var basic = Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.ToString()["Basic ".Length..]));
            if (request.Headers["MOE-APPKEY"] != appId || basic.Split(':')[0] != appId)
            {
                return Results.Json(Failure("App key mismatch in params and authentication"), statusCode: 409);
            }

            return workspaces.TryGetValue(appId, out var workspace) && workspace.Dc == dc && workspace.Key == body.GetProperty("app_secret").GetString()
                && basic == $"{appId}:{workspace.Key}" && body.GetProperty("region").GetString() == dc
                ? Results.Json(new { status = "success", app_name = $"Workspace {appId}" })
                : Results.Json(Failure("App Secret key mismatch"), statusCode: 401);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeMoEngage(app, new Uri(address.Replace("[::]", "127.0.0.1") + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Control.Dispose();
        await app.DisposeAsync();
    }

    private static object Failure(string message) => new { status = "fail", error = new { type = "Authentication required", message, request_id = "fake" } };
}
