// Placeholder: the local MoEngage stand-in (issue 5) replaces this.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

public partial class Program;
