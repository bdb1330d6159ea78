using Loyalife.AppHost;
using Loyalife.AppHost.Dapr;
using Loyalife.AppHost.Demo;
using Loyalife.AppHost.Identity;
using Loyalife.AppHost.Infrastructure;
using Loyalife.AppHost.MoEngage;
using Loyalife.AppHost.Sync;

var builder = DistributedApplication.CreateBuilder(args);

// Set by a script through Parameters:admin-token; generated for the run otherwise (the dashboard shows it).
var adminToken = builder.AddParameter("admin-token", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

// Who signs admins in: the development identity provider, or any other named by admin-jwt-authority/-audience.
var adminIdentity = builder.AddAdminIdentity("identity");

// Containers where a container engine answers, the machine's own servers otherwise (Infrastructure:Mode).
var infrastructure = await builder.ChooseInfrastructureAsync();
var loyalife = builder.AddPostgresDatabase(infrastructure, serverName: "postgres", databaseName: "loyalife");
var redis = builder.AddRedisServer(infrastructure, "redis");

// The local MoEngage Data API stand-in, with a demo workspace; the default target of every sync.
var moengage = builder.AddMoEngageStandIn("moengage");
var moengageApiBaseUrl = builder.AddMoEngageApiBaseUrl(moengage);

var settings = builder.AddProject<Projects.Loyalife_SettingsService>("settings-service")
    .WithReference(loyalife).WaitFor(loyalife)
    .WithEnvironment("Admin__Token", adminToken)
    .WithAdminIdentity(adminIdentity)
    .WithAdminPageSignIn(adminIdentity)
    .WithEnvironment("MoEngage__ApiBaseUrl", moengageApiBaseUrl)
    .WithLocalFileSecretStore()
    .WithHttpHealthCheck("/health")
    .WithDaprSidecar()
    // A newcomer's demo program syncs to the stand-in from the start (configured through the admin API).
    .WithDemoIntegration(adminToken, moengage);

// Seeds the demo programs into the local ledger and exits.
var demoLedger = builder.AddDemoLedger("demo-ledger", loyalife);

builder.AddProject<Projects.Loyalife_SnapshotService>("snapshot-service")
    .WithReference(loyalife).WaitFor(loyalife)
    .WaitForCompletion(demoLedger)
    .WithHttpHealthCheck("/health")
    .WithDaprSidecar();

builder.AddProject<Projects.Loyalife_MoEngageDispatcher>("moengage-dispatcher")
    .WithReference(loyalife).WaitFor(loyalife)
    .WithReference(redis).WaitFor(redis)
    .WithEnvironment("Admin__Token", adminToken)
    .WithAdminIdentity(adminIdentity)
    // Every alert links to the page where an admin acts on it.
    .WithEnvironment("Alerts__AdminPageUrl", ReferenceExpression.Create($"{settings.GetEndpoint("http")}/admin"))
    .WithHttpHealthCheck("/health")
    .WithDaprSidecar()
    .WithRunSyncNowCommand(adminToken);

// One log line when everything is healthy, with the time it took.
builder.ReportWhenAllHealthy();

await builder.Build().RunAsync();
