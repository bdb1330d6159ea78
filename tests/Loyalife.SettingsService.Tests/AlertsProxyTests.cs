namespace Loyalife.SettingsService.Tests;

public sealed class AlertsProxyTests
{
    [Fact]
    public async Task ATestAlertAndTheDeliveriesGoToTheDispatcherAndTheirAnswersComeBackAsTheyCame()
    {
        await using var host = await SettingsServiceHost.StartAsync();
        Assert.Equal(HttpStatusCode.BadGateway, (await host.Admin.PostAsync("/v1/programs/demo/alerts/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadGateway, (await host.Admin.GetAsync("/v1/programs/demo/alerts/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.PostAsync("/v1/programs/no-such-program/alerts/test", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("/v1/programs/no-such-program/alerts/deliveries")).StatusCode);

        var delivery = Guid.NewGuid();
        await using var dispatcher = await DispatcherDouble.StartAsync(host, app =>
        {
            app.MapPost("/v1/programs/{programId}/alerts/test", (string programId) =>
                Results.Json(new { deliveryIds = new[] { delivery } }, statusCode: StatusCodes.Status202Accepted));
            app.MapGet("/v1/programs/{programId}/alerts/deliveries", (HttpRequest request) =>
                Results.Json(new[] { new { deliveryId = delivery, kind = "test", state = "delivered", query = request.QueryString.Value } }));
        });

        using var test = await host.Admin.PostAsync("/v1/programs/demo/alerts/test", null);
        Assert.Equal(HttpStatusCode.Accepted, test.StatusCode);
        Assert.Equal(delivery, (await Json.ReadAsync(test)).GetProperty("deliveryIds")[0].GetGuid());

        using var deliveries = await host.Admin.GetAsync("/v1/programs/demo/alerts/deliveries?limit=7&token=x");
        Assert.Equal(HttpStatusCode.OK, deliveries.StatusCode);
        var listed = (await Json.ReadAsync(deliveries))[0];
        Assert.Equal(("delivered", "?limit=7"), (listed.Text("state"), listed.Text("query")));
    }
}
