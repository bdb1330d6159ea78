using Dapr.Client;
using Loyalife.MoEngageDispatcher.Members;
using Loyalife.ServiceDefaults.Migrations;

namespace Loyalife.MoEngageDispatcher;

internal static class Extensions
{
    public static void AddDispatcherServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource("loyalife");
        builder.AddRedisClient("redis");
        builder.Services.AddProblemDetails();
        // A malformed body is the caller's mistake in every environment: a 400 problem, never a 500 (Development
        // would otherwise throw it to the exception handler).
        builder.Services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = false);
        builder.AddAdminAuthentication();
        builder.AddDaprAppTokenAuthentication();

        builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section)
            .ValidateDataAnnotations()
            .Validate(sync => Validator.TryValidateObject(sync.Quota, new ValidationContext(sync.Quota), null, true), "Sync:Quota is invalid")
            .ValidateOnStart();
        builder.Services.AddOptions<MoEngageOptions>().BindConfiguration(MoEngageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ExistenceOptions>().BindConfiguration(ExistenceOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<VerificationOptions>().BindConfiguration(VerificationOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DispatcherTelemetry>();

        // Invocation through the sidecar; the endpoint and token come from the same settings the SDK reads.
        var daprEndpoint = builder.Configuration["DAPR_HTTP_ENDPOINT"];
        var daprToken = builder.Configuration["DAPR_API_TOKEN"];
        builder.Services.AddSingleton<ISettingsSource>(_ =>
            new DaprSettingsSource(DaprClient.CreateInvokeHttpClient(DaprSettingsSource.AppId, daprEndpoint, daprToken)));
        builder.Services.AddSingleton<ISnapshotSource>(_ =>
            new DaprSnapshotSource(DaprClient.CreateInvokeHttpClient(DaprSnapshotSource.AppId, daprEndpoint, daprToken)));
        builder.Services.AddSingleton<IIntradaySource>(_ =>
            new DaprIntradaySource(DaprClient.CreateInvokeHttpClient(DaprSnapshotSource.AppId, daprEndpoint, daprToken)));

        // Bulk Import POSTs are not idempotent: only the failure policy retries them, or events would be duplicated.
        builder.Services.AddHttpClientWithOwnRetries(MoEngageClient.HttpClientName);
        builder.Services.AddSingleton<RetryTiming>();
        builder.Services.AddSingleton<DataApiCalls>();
        builder.Services.AddSingleton<MoEngageClient>();
        builder.Services.AddSingleton<GetUserClient>();
        builder.Services.AddSingleton<IQuotaLimiter, RedisQuotaLimiter>();

        // Before the worker: hosted services start in order, and the worker reads runs as it starts.
        builder.AddSchemaMigrations("dispatch", typeof(Extensions).Assembly);
        builder.AddHeldRuns();
        builder.AddAlerts();
        builder.AddMemberLookup();
        builder.Services.AddSingleton<RunStore>();
        builder.Services.AddSingleton<FencedRunStore>();
        builder.Services.AddSingleton<ConfirmationStore>();
        builder.Services.AddSingleton<VerificationStore>();
        builder.Services.AddSingleton<RunVerifier>();
        builder.Services.AddSingleton<ProgramLock>();
        builder.Services.AddSingleton<IProgressStore>(services => services.GetRequiredService<FencedRunStore>());
        builder.Services.AddSingleton<IBulkImport, QuotaBulkImport>();
        builder.Services.AddSingleton<IExistenceGate, ExistenceGate>();
        builder.Services.AddSingleton<IHoldRules>(services => services.GetRequiredService<HoldGate>());
        builder.Services.AddSingleton<PassStore>();
        builder.Services.AddSingleton<LaneStore>();
        builder.Services.AddSingleton<PassDecisions>();
        builder.Services.AddSingleton<ILaneDeliveries>(services => services.GetRequiredService<LaneStore>());
        builder.Services.AddSingleton<IntradayLane>();
        builder.Services.AddSingleton<DeliveryPipeline>();
        builder.Services.AddSingleton<RunEngine>();
        builder.Services.AddSingleton<SyncScheduler>();
        builder.Services.AddSingleton<DispatchWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<DispatchWorker>());
    }
}
