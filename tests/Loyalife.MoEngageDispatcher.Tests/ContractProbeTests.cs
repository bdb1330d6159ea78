namespace Loyalife.MoEngageDispatcher.Tests;

/// <summary>Every operation of the dispatcher's own OpenAPI document answers only statuses it declares, and never a 5xx.</summary>
public sealed class ContractProbeTests(Support.Environment env) : IClassFixture<Support.Environment>
{
    [Fact]
    public async Task EveryOperationAnswersOnlyWhatItsDocumentDeclares()
    {
        var program = await env.ProgramAsync(members: 3, events: 3);
        await using var dispatcher = env.Dispatcher();
        using var client = dispatcher.CreateClient();
        var document = await OpenApiAssert.ReadAsync(client);

        var findings = await OpenApiProbe.UndeclaredAsync(client, document,
            [
                new Dictionary<string, string>(),
                new Dictionary<string, string> { ["Authorization"] = "Bearer " + DispatcherApp.AdminToken },
                new Dictionary<string, string> { ["dapr-api-token"] = DispatcherApp.AppApiToken },
            ],
            new Dictionary<string, string> { ["programId"] = program.ProgramId });

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }
}
