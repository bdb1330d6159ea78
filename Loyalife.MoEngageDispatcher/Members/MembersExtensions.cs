using Dapr.Client;

namespace Loyalife.MoEngageDispatcher.Members;

internal static class MembersExtensions
{
    public static void AddMemberLookup(this IHostApplicationBuilder builder)
    {
        var daprEndpoint = builder.Configuration["DAPR_HTTP_ENDPOINT"];
        var daprToken = builder.Configuration["DAPR_API_TOKEN"];
        builder.Services.AddSingleton<IMemberSource>(_ =>
            new DaprMemberSource(DaprClient.CreateInvokeHttpClient(DaprSnapshotSource.AppId, daprEndpoint, daprToken)));
        builder.Services.AddSingleton<SyncedNights>();
        builder.Services.AddSingleton<MemberLookups>();
    }
}
