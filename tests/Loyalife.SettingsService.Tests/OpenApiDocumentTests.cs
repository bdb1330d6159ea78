namespace Loyalife.SettingsService.Tests;

public sealed class OpenApiDocumentTests(SettingsHostFixture fixture) : IClassFixture<SettingsHostFixture>
{
    [Fact]
    public async Task TheAdminAndInternalApiAreDescribedWithSummariesAndTheirProblemAnswers()
    {
        var document = await OpenApiAssert.ReadAsync(fixture.Host.Anonymous);

        Assert.Empty(OpenApiAssert.Gaps(document, ["/v1/programs/{programId}/integrations/moengage/sync-runs", "/v1/programs/{programId}/integrations/moengage/members"],
            "GET /v1/programs/{programId}/integrations/moengage/sync-runs",
            "GET /v1/programs/{programId}/integrations/moengage/sync-runs/{runId}",
            "POST /v1/programs/{programId}/integrations/moengage/sync-runs/{runId}/release",
            "POST /v1/programs/{programId}/integrations/moengage/sync-runs/{runId}/skip",
            "GET /v1/programs/{programId}/integrations/moengage/members-not-in-moengage",
            "GET /v1/programs/{programId}/integrations/moengage/members/{memberId}",
            "GET /v1/programs/{programId}/integrations/moengage/members"));
        Assert.Empty(OpenApiAssert.Gaps(document, ["/v1/programs/{programId}/alerts", "/internal/v1/programs/{programId}/alerts"],
            "GET /v1/programs/{programId}/alerts/targets",
            "POST /v1/programs/{programId}/alerts/targets",
            "DELETE /v1/programs/{programId}/alerts/targets/{targetId}",
            "POST /v1/programs/{programId}/alerts/test",
            "GET /v1/programs/{programId}/alerts/deliveries",
            "GET /internal/v1/programs/{programId}/alerts/targets"));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }
}
