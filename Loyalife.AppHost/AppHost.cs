var builder = DistributedApplication.CreateBuilder(args);

builder.AddProject<Projects.Loyalife_SettingsService>("settings-service");
builder.AddProject<Projects.Loyalife_SnapshotService>("snapshot-service");
builder.AddProject<Projects.Loyalife_MoEngageDispatcher>("moengage-dispatcher");

builder.Build().Run();
