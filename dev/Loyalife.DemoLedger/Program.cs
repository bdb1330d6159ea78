using Loyalife.DemoLedger;

// Seeds the demo ledger and exits: 0 when the ledger holds the demo programs, 1 otherwise (DemoSeeder).
var builder = Host.CreateApplicationBuilder(args);

builder.AddServiceDefaults();
builder.AddDemoLedger();

using var host = builder.Build();
await host.RunAsync();
