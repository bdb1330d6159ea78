namespace Loyalife.SettingsService.Tests.Support;

/// <summary>A test class against one settings-service shared by its tests; each test takes its own program.</summary>
public abstract class SettingsTestBase(SettingsHostFixture fixture) : IClassFixture<SettingsHostFixture>
{
    protected SettingsServiceHost Host => fixture.Host;
}
