using Loyalife.MoEngageStandIn.Control;
using Loyalife.MoEngageStandIn.Inspection;

namespace Loyalife.MoEngageStandIn;

// Not top-level statements: one test project references the services and both dev tools, and a second
// global Program would clash. WebApplicationFactory<Program> still finds this entry point.
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args) => Build(WebApplication.CreateBuilder(args)).Run();

    internal static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddStandInServices();

        var app = builder.Build();
        app.MapDataApi();
        app.MapControlApi();
        app.MapInspectionPage();
        app.MapDefaultEndpoints();
        return app;
    }
}
