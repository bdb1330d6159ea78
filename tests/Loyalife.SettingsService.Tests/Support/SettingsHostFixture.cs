namespace Loyalife.SettingsService.Tests.Support;

/// <summary>One running settings-service per test class; each test takes its own program.</summary>
public sealed class SettingsHostFixture() : HostFixture<SettingsServiceHost>(() => SettingsServiceHost.StartAsync());
