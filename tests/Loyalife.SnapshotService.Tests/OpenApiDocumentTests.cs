namespace Loyalife.SnapshotService.Tests;

public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task TheSnapshotApiIsDescribed()
    {
        await using var app = await SnapshotApp.StartAsync(DateTimeOffset.UtcNow);

        var document = await OpenApiAssert.ReadAsync(app.Host.CreateClient());

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/v1/programs/{programId}/snapshots/{date}/members", paths);
        Assert.Contains("/v1/programs/{programId}", paths);
    }
}
