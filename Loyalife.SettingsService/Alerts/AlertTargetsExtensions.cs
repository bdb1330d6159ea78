namespace Loyalife.SettingsService.Alerts;

public static class AlertTargetsExtensions
{
    public static IHostApplicationBuilder AddAlertTargets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertTargetOptions>().BindConfiguration(AlertTargetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<AlertTargetStore>();
        builder.Services.AddScoped<AlertTargetCommands>();
        return builder;
    }
}
