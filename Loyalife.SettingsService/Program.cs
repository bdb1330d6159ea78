using Loyalife.SettingsService;
using Loyalife.SettingsService.Alerts;
using Loyalife.SettingsService.Internal;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSettingsServices();    // registrations live in Extensions.cs

var app = builder.Build();

app.UseSettingsPipeline();
app.MapSettingsApi();
app.MapInternalApi();
app.MapAlertTargetsApi();
app.MapAlertsProxy();
app.MapAdminPage();
app.MapMemberLookupProxy();
app.MapDefaultEndpoints();

app.Run();

public partial class Program;
