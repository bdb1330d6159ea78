using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Loyalife.SettingsService.Tests;

/// <summary>Every operation of settings-service's own OpenAPI document answers only statuses it declares, and never a 5xx.</summary>
public sealed class ContractProbeTests(SettingsHostFixture fixture) : SettingsTestBase(fixture)
{
    [Fact]
    public async Task EveryOperationAnswersOnlyWhatItsDocumentDeclares()
    {
        var programId = await Host.NewProgramAsync();
        // Whatever the dispatcher answers passes through the proxies; here it answers everything with an empty JSON object.
        await using var dispatcher = await DispatcherDouble.StartAsync(Host, app => app.MapFallback(() => Results.Json(new { })));
        var document = await OpenApiAssert.ReadAsync(Host.Anonymous);

        var findings = await OpenApiProbe.UndeclaredAsync(Host.Anonymous, document,
            [
                new Dictionary<string, string>(),
                new Dictionary<string, string> { ["Authorization"] = "Bearer " + SettingsServiceHost.AdminToken },
                new Dictionary<string, string> { ["dapr-api-token"] = SettingsServiceHost.AppApiToken },
            ],
            new Dictionary<string, string> { ["programId"] = programId });

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
