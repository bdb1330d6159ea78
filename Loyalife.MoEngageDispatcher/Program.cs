using Loyalife.MoEngageDispatcher;
using Loyalife.MoEngageDispatcher.Intraday;
using Loyalife.MoEngageDispatcher.Members;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddDispatcherServices();     // registrations live in Extensions.cs

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapNightlySyncApi();
app.MapSyncRunsApi();
app.MapMembersNotInMoEngageApi();
app.MapMemberLookupApi();
app.MapHeldRunsApi();
app.MapIntradayDaysApi();
app.MapHeldPassesApi();
app.MapAlertsApi();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
