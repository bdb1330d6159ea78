using Loyalife.ServiceDefaults.Auth;
using Loyalife.SnapshotService.Demo;
using Loyalife.SnapshotService.Ledger;
using Loyalife.SnapshotService.Programs;
using Loyalife.SnapshotService.Snapshots;

namespace Loyalife.SnapshotService;

public static class Extensions
{
    public static WebApplicationBuilder AddSnapshotServices(this WebApplicationBuilder builder)
    {
        // Every endpoint but the probes answers only calls that come through the sidecar.
        builder.AddDaprAppTokenAuthentication();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<LedgerMissingHandler>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SnapshotJsonContext.Default));

        builder.AddNpgsqlDataSource("loyalife");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<LedgerOptions>().BindConfiguration(LedgerOptions.Section).ValidateOnStart();
        builder.Services.AddHostedService<DemoStartup>();

        builder.Services.AddSingleton<ProgramStore>();
        builder.Services.AddSingleton<MemberSnapshotQuery>();
        builder.Services.AddSingleton<EventSnapshotQuery>();
        builder.Services.AddSingleton<SnapshotSummaryQuery>();
        return builder;
    }
}
