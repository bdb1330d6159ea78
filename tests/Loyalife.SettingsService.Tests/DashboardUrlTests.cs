using Loyalife.SettingsService.MoEngage;

namespace Loyalife.SettingsService.Tests;

public sealed class DashboardUrlTests
{
    [Theory]
    [InlineData("https://dashboard-01.moengage.com", "01")]
    [InlineData("https://dashboard-02.moengage.com/", "02")]
    [InlineData("HTTPS://DASHBOARD-03.MOENGAGE.COM", "03")]
    [InlineData("https://Dashboard-04.MoEngage.com/", "04")]
    [InlineData("https://dashboard-05.moengage.com", "05")]
    [InlineData("https://dashboard-06.moengage.com", "06")]
    [InlineData("https://dashboard-101.moengage.com", "101")]
    public void EveryDataCentreOriginIsAcceptedWithTrailingSlashAndAnyCase(string url, string dataCenter)
    {
        Assert.True(DashboardUrl.TryParse(url, out var parsed));
        Assert.Equal(dataCenter, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://dashboard-01.moengage.com")]
    [InlineData("https://dashboard-07.moengage.com")]
    [InlineData("https://dashboard-00.moengage.com")]
    [InlineData("https://dashboard-1.moengage.com")]
    [InlineData("https://dashboard-102.moengage.com")]
    [InlineData("https://dashboard-01.moengage.com/dashboard")]
    [InlineData("https://dashboard-01.moengage.com//")]
    [InlineData("https://dashboard-01.moengage.com?x=1")]
    [InlineData("https://dashboard-01.moengage.com/?x=1")]
    [InlineData("https://dashboard-01.moengage.com#top")]
    [InlineData("https://dashboard-01.moengage.com:443")]
    [InlineData("https://user:pw@dashboard-01.moengage.com")]
    [InlineData("https://dashboard-01.moengage.com.evil.example")]
    [InlineData("https://evil.example/dashboard-01.moengage.com")]
    [InlineData("https://api-01.moengage.com")]
    [InlineData("dashboard-01.moengage.com")]
    [InlineData(" https://dashboard-01.moengage.com")]
    [InlineData("https://dashboard-01.moengage.com ")]
    [InlineData("https://dashboard-0１.moengage.com")]
    [InlineData("https://dashboard-01.moengage.com\n")]
    public void AnythingElseIsRejected(string? url)
    {
        Assert.False(DashboardUrl.TryParse(url, out _));
    }

    [Fact]
    public void AcceptedFormsListEveryDataCentre()
    {
        foreach (var dc in DataCenters.All)
        {
            Assert.Contains($"https://dashboard-{dc}.moengage.com", DashboardUrl.AcceptedForms);
        }
    }
}
