using Microsoft.AspNetCore.Routing;

namespace Loyalife.SettingsService.Tests.Support;

/// <summary>
/// A stand-in for moengage-dispatcher's admin API on the port its sidecar expects, answering, like the real one,
/// only calls that come through Dapr with the admin's bearer token.
/// </summary>
public static class DispatcherDouble
{
    public static async Task<WebApplication> StartAsync(SettingsServiceHost host, Action<IEndpointRouteBuilder> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{host.DispatcherPort}");
        var app = builder.Build();
        app.Use((context, next) =>
            context.Request.Headers.Authorization == $"Bearer {SettingsServiceHost.AdminToken}" && context.Request.Headers.ContainsKey("dapr-caller-app-id")
                ? next(context)
                : Results.Unauthorized().ExecuteAsync(context));
        map(app);
        await app.StartAsync();
        return app;
    }
}
