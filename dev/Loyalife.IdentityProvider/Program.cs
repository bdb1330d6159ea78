using Loyalife.IdentityProvider.Connect;

namespace Loyalife.IdentityProvider;

// Not top-level statements: test projects reference the services and the dev tools together, and a second
// global Program would clash.
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args) => Build(WebApplication.CreateBuilder(args)).Run();

    internal static WebApplication Build(WebApplicationBuilder builder)
    {
        builder.AddServiceDefaults();
        builder.AddIdentityProviderServices();

        var app = builder.Build();
        app.MapConnectEndpoints();
        app.MapDefaultEndpoints();
        return app;
    }
}
