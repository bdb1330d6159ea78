using Loyalife.MoEngageStandIn.MoEngage;
using Loyalife.MoEngageStandIn.Workspaces;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Loyalife.MoEngageStandIn;

internal static class Extensions
{
    public static WebApplicationBuilder AddStandInServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StandInOptions>()
            .Bind(builder.Configuration.GetSection(StandInOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StandInOptions>, StandInOptionsValidator>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<WorkspaceRegistry>();
        builder.Services.AddSingleton<DataRequestHandler>();
        builder.Services.AddSingleton<TestConnectionHandler>();
        return builder;
    }
}
