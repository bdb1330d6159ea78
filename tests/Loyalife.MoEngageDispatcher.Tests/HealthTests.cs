using Microsoft.AspNetCore.Mvc.Testing;

namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task AliveAnswersOk()
    {
        await using var factory = new WebApplicationFactory<Program>();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/alive");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
