using Microsoft.AspNetCore.Mvc.Testing;

namespace Loyalife.SettingsService.Tests;

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
