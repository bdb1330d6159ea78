namespace Loyalife.SettingsService.Tests;

public sealed class SettingsValidatorTests
{
    private const string Url = "https://dashboard-02.moengage.com";

    [Fact]
    public void AValidRequestHasNoErrors()
    {
        Assert.Empty(SettingsValidator.Validate(new(true, "ABC_123-x", "k3y-Value_!#", Url), apiKeyRequired: true));
    }

    [Fact]
    public void TheKeyMayBeLeftOutOnlyOnUpdate()
    {
        Assert.Empty(SettingsValidator.Validate(new(true, "APP", null, Url), apiKeyRequired: false));
        Assert.Contains("apiKey", SettingsValidator.Validate(new(true, "APP", null, Url), apiKeyRequired: true).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" APP")]
    [InlineData("APP ")]
    [InlineData("AP P")]
    [InlineData("APP\t")]
    [InlineData("APPé")]
    [InlineData("APP/../x")]
    [InlineData("APP:x")]
    [InlineData(null)]
    public void BadAppIdsAreRejected(string? appId)
    {
        Assert.Contains("appId", SettingsValidator.Validate(new(true, appId, "key", Url), apiKeyRequired: true).Keys);
    }

    [Fact]
    public void OverLongFieldsAreRejected()
    {
        var errors = SettingsValidator.Validate(
            new(true, new string('A', SettingsValidator.MaxAppIdLength + 1), new string('k', SettingsValidator.MaxApiKeyLength + 1), Url),
            apiKeyRequired: true);
        Assert.Contains("appId", errors.Keys);
        Assert.Contains("apiKey", errors.Keys);
        Assert.Empty(SettingsValidator.Validate(
            new(true, new string('A', SettingsValidator.MaxAppIdLength), new string('k', SettingsValidator.MaxApiKeyLength), Url),
            apiKeyRequired: true));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" Zq9xW7")]
    [InlineData("Zq9xW7\n")]
    [InlineData("Zq9 xW7")]
    [InlineData("Zq9xéW7")]
    [InlineData("Zq9xW7\u0001")]
    public void BadApiKeysAreRejectedWithoutRepeatingThem(string apiKey)
    {
        var errors = SettingsValidator.Validate(new(true, "APP", apiKey, Url), apiKeyRequired: true);
        Assert.Contains("apiKey", errors.Keys);
        if (apiKey.Trim().Length > 0)
        {
            Assert.DoesNotContain(errors.Values.SelectMany(m => m), message => message.Contains(apiKey.Trim(), StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EnabledMustBeGiven()
    {
        Assert.Contains("enabled", SettingsValidator.Validate(new(null, "APP", "key", Url), apiKeyRequired: true).Keys);
    }

    [Fact]
    public void ABadDashboardUrlErrorListsTheAcceptedForms()
    {
        var errors = SettingsValidator.Validate(new(true, "APP", "key", "http://dashboard-01.moengage.com"), apiKeyRequired: true);
        Assert.Contains("https://dashboard-101.moengage.com", errors["dashboardUrl"].Single());
    }
}
