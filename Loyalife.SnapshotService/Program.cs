using Loyalife.SnapshotService;
using Loyalife.SnapshotService.Intraday;
using Loyalife.SnapshotService.Members;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSnapshotServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapProgramsApi();
app.MapSnapshotsApi();
app.MapIntradayApi();
app.MapMemberLookupApi();
app.MapDefaultEndpoints();

await app.RunAsync();

public partial class Program;
