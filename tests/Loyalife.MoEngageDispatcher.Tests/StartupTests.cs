namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class StartupTests
{
    [Theory]
    [MemberData(nameof(StartupAssert.AuthenticationSettings), MemberType = typeof(StartupAssert))]
    public Task AMissingOrContradictorySettingStopsTheStartWithAMessageNamingIt(string key, string value, string message) =>
        StartupAssert.FailsNamingAsync(key, value, message, builder => builder.AddDispatcherServices(),
            new Dictionary<string, string?> { ["ConnectionStrings:redis"] = "127.0.0.1:1" });
}
