using Loyalife.ServiceDefaults.Migrations;
using Loyalife.SettingsService.Alerts;

namespace Loyalife.SettingsService;

public static class Extensions
{
    public static IHostApplicationBuilder AddSettingsServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("loyalife");
        builder.Services.AddProblemDetails();
        // A malformed body is the caller's mistake in every environment: a 400 problem, never a 500.
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = false);

        // The admin page's signed-in session counts as an admin wherever the admin token or a JWT does.
        builder.AddAdminAuthentication(builder.AddAdminSignIn());
        builder.AddDaprAppTokenAuthentication();
        builder.AddMoEngageChecks();
        builder.AddSecretStore();
        builder.AddAlertTargets();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ProgramDirectory>();
        builder.Services.AddSingleton<SettingsStore>();
        // Scoped: it holds the typed Test Connection and Get User clients, whose handlers the factory must be free to recycle.
        builder.Services.AddScoped<SettingsCommands>();
        builder.Services.AddSingleton<DispatcherClient>();
        // A hosted service, so the schema exists before Kestrel accepts the first request.
        builder.AddSchemaMigrations("settings", typeof(Extensions).Assembly);
        return builder;
    }

    public static WebApplication UseSettingsPipeline(this WebApplication app)
    {
        app.UseAdminSurfaceHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
