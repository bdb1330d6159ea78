using Loyalife.SnapshotService;
using Loyalife.SnapshotService.Demo;
using Loyalife.SnapshotService.Programs;
using Loyalife.SnapshotService.Snapshots;

if (args is [GenerateCommand.Verb, ..])
{
    return await GenerateCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSnapshotServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapProgramsApi();
app.MapSnapshotsApi();
app.MapDefaultEndpoints();

await app.RunAsync();
return 0;

public partial class Program;
