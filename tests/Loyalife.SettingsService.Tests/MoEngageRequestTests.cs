namespace Loyalife.SettingsService.Tests;

/// <summary>What settings-service's requests look like when they reach MoEngage, as received on the wire.</summary>
public sealed class MoEngageRequestTests : IAsyncLifetime
{
    private ScriptedMoEngage moEngage = null!;
    private SettingsServiceHost host = null!;

    public async Task InitializeAsync()
    {
        moEngage = await ScriptedMoEngage.StartAsync(ScriptedMoEngage.TestConnectionSucceeds, ScriptedMoEngage.GetUserAnswers);
        host = await SettingsServiceHost.StartAsync(new Dictionary<string, string?> { ["MoEngage:ApiBaseUrl"] = moEngage.ApiBaseUrlTemplate });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await moEngage.DisposeAsync();
    }

    [Fact]
    public async Task TestConnectionAndGetUserCarryAContentLengthAndNoChunkedBody()
    {
        var programId = await host.NewProgramAsync();

        var saved = await host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPLEN01", "LengthKey0123456789", "02"));
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.PostAsync(SettingsPaths.MoEngage(programId) + "/verify", null)).StatusCode);

        var received = moEngage.Received.ToList();
        Assert.Equal(["/dc/02/v1/integrations/authentication", "/dc/02/v1/customers/export?app_id=APPLEN01", "/dc/02/v1/integrations/authentication"],
            received.Select(request => request.PathAndQuery));
        Assert.All(received, request =>
        {
            Assert.Equal(Encoding.UTF8.GetByteCount(request.Body), request.ContentLength);
            Assert.Equal("", request.TransferEncoding);
            Assert.StartsWith("application/json", request.ContentType);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("APPLEN01:LengthKey0123456789")), request.Authorization);
        });
    }

    [Fact]
    public async Task GetUserIsAskedAboutOneMadeUpCustomerIdAndNoFields()
    {
        var programId = await host.NewProgramAsync();

        var saved = await host.SaveMoEngageAsync(programId, IntegrationBody.Enabled("APPLEN02", "LengthKey0123456789", "01"));

        Assert.True((await Json.ReadAsync(saved)).GetProperty("getUserAvailable").GetBoolean());
        var body = JsonDocument.Parse(moEngage.Received.Single(request => request.PathAndQuery.Contains("/customers/export")).Body).RootElement;
        var data = body.GetProperty("data");
        var identifier = Assert.Single(data.GetProperty("identifiers").EnumerateArray());
        Assert.Equal("customer_id", identifier.Text("identifier_type"));
        Assert.StartsWith("loyalife-", identifier.Text("identifier"));
        Assert.Equal(0, data.GetProperty("user_fields_to_export").GetArrayLength());
    }
}
