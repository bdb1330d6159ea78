namespace Loyalife.SnapshotService.Tests;

public sealed class StartupTests
{
    [Theory]
    [InlineData("Intraday:BackdatingAllowance", "-00:00:01", "Intraday:BackdatingAllowance")]
    [InlineData("Intraday:BackdatingAllowance", "1.00:00:01", "Intraday:BackdatingAllowance")]
    public Task ASettingOutOfRangeStopsTheStartWithAMessageNamingIt(string key, string value, string message) =>
        StartupAssert.FailsNamingAsync(key, value, message, builder => builder.AddSnapshotServices());
}
