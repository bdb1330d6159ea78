using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace Loyalife.AppHost.Tests;

public sealed class AppHostModelTests
{
    [Fact]
    public async Task ModelNamesTheThreeServices()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Loyalife_AppHost>();
        var names = builder.Resources.Select(r => r.Name).ToHashSet();

        Assert.Contains("settings-service", names);
        Assert.Contains("snapshot-service", names);
        Assert.Contains("moengage-dispatcher", names);
    }
}
