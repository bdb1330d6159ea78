namespace Loyalife.SnapshotService.Tests;

/// <summary>Every operation of snapshot-service's own OpenAPI document answers only statuses it declares, and never a 5xx.</summary>
public sealed class ContractProbeTests
{
    [Fact]
    public async Task EveryOperationAnswersOnlyWhatItsDocumentDeclares()
    {
        await using var app = await SnapshotApp.StartWithMemberAsync("2026-02-01T12:00:00Z", "Europe/Amsterdam", "Silver", "Gold");
        using var anonymous = app.Host.CreateClient();
        var document = await OpenApiAssert.ReadAsync(anonymous);

        var findings = await OpenApiProbe.UndeclaredAsync(anonymous, document,
            [new Dictionary<string, string>(), new Dictionary<string, string> { ["dapr-api-token"] = SnapshotApp.Token }],
            new Dictionary<string, string> { ["programId"] = "p", ["date"] = "2026-01-10", ["memberId"] = "M1" });

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
