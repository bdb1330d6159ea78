using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Loyalife.MoEngageStandIn;

internal static class Extensions
{
    public static WebApplicationBuilder AddStandInServices(this WebApplicationBuilder builder)
    {
        // Lowest-precedence defaults (any configuration source overrides them): ASP.NET Core's per-request
        // information logs would cost more than ingesting a Bulk body, and flood the dashboard's log view.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new("Logging:LogLevel:Microsoft.AspNetCore", "Warning")],
        });
        builder.Services.AddOptions<StandInOptions>()
            .Bind(builder.Configuration.GetSection(StandInOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StandInOptions>, StandInOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StandInMetrics>();
        builder.Services.AddSingleton<WorkspaceRegistry>();
        builder.Services.AddSingleton<DataApiGate>();
        builder.Services.AddSingleton<DataRequestHandler>();
        builder.Services.AddSingleton<GetUserHandler>();
        builder.Services.AddSingleton<TestConnectionHandler>();
        return builder;
    }
}
