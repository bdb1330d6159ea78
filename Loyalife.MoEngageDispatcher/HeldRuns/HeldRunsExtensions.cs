namespace Loyalife.MoEngageDispatcher.HeldRuns;

internal static class HeldRunsExtensions
{
    public static void AddHeldRuns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HeldRunsOptions>().BindConfiguration(HeldRunsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<HeldRunStore>();
        builder.Services.AddSingleton<HoldGate>();
    }
}
