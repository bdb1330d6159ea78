using Loyalife.SnapshotService;

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

public partial class Program;
