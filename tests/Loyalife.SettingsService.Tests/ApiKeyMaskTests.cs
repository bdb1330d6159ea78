namespace Loyalife.SettingsService.Tests;

public sealed class ApiKeyMaskTests
{
    [Theory]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWX", "UVWX")]
    [InlineData("0123456789abcdef", "cdef")]
    [InlineData("12345678", "78")]
    [InlineData("1234", "4")]
    [InlineData("123", "")]
    [InlineData("1", "")]
    public void AtMostTheLastFourAndAtMostAQuarterShow(string key, string hint)
    {
        Assert.Equal(hint, ApiKeyMask.Hint(key));
        Assert.Equal(ApiKeyMask.Dots + hint, ApiKeyMask.Mask(ApiKeyMask.Hint(key)));
    }
}
