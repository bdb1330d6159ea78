// Placeholder: the local Dapr-compatible sidecar (issue 3) replaces this.
var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/v1.0/healthz", () => Results.NoContent());
app.Run();
