using System.Text.RegularExpressions;

namespace Loyalife.SettingsService.Tests;

public sealed class SecretNamesTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("Demo")]
    [InlineData("programme/with spaces & ünïcode")]
    [InlineData("a-very-long-program-id-a-very-long-program-id-a-very-long-program-id-a-very-long-program-id-a-very-long-program-id-xxxxxxxxxx")]
    public void NamesAreKeyVaultSafe(string programId)
    {
        var name = SecretNames.NewVersion(programId);
        Assert.Matches(new Regex("^[0-9a-zA-Z-]{1,127}$"), name);
        Assert.StartsWith(SecretNames.ForProgram(programId), name);
    }

    [Fact]
    public void ProgramsThatDifferOnlyInCaseOrPunctuationGetDifferentNames()
    {
        Assert.NotEqual(SecretNames.ForProgram("demo"), SecretNames.ForProgram("Demo"));
        Assert.NotEqual(SecretNames.ForProgram("a-b"), SecretNames.ForProgram("a_b"));
    }

    [Fact]
    public void EverySaveGetsItsOwnName()
    {
        Assert.NotEqual(SecretNames.NewVersion("demo"), SecretNames.NewVersion("demo"));
    }
}
