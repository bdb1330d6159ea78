namespace Loyalife.DemoLedger;

public static class Extensions
{
    public static HostApplicationBuilder AddDemoLedger(this HostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("loyalife");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<DemoSeeder>();
        return builder;
    }
}
