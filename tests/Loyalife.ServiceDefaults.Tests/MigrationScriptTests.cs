namespace Loyalife.ServiceDefaults.Tests;

public sealed class MigrationScriptTests
{
    private static IReadOnlyList<MigrationScript> From(params string[] resources) =>
        MigrationScript.FromResources("Test", resources.Select(name => KeyValuePair.Create(name, "SELECT 1;")));

    [Fact]
    public void ScriptsAreOrderedByTheirNumberWhateverTheResourceOrder()
    {
        var scripts = From("App.Settings.Migrations.0002_audit_source.sql", "App.Settings.Migrations.0001_settings.sql");

        Assert.Equal([1, 2], scripts.Select(s => s.Version));
        Assert.Equal(["settings", "audit_source"], scripts.Select(s => s.Name));
    }

    [Fact]
    public void AGapInTheNumbersStopsTheStartNamingTheScripts()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            From("App.Migrations.0001_first.sql", "App.Migrations.0003_third.sql"));

        Assert.Contains("0001_first, 0003_third", error.Message);
    }

    [Fact]
    public void TwoScriptsWithOneNumberStopTheStart()
    {
        Assert.Throws<InvalidOperationException>(() =>
            From("App.Migrations.0001_first.sql", "App.Migrations.0001_other.sql"));
    }

    [Theory]
    [InlineData("App.Migrations.1_first.sql")]
    [InlineData("App.Migrations.0001-first.sql")]
    [InlineData("App.Migrations.0001_First.sql")]
    public void AScriptNotNamedNnnnNameStopsTheStartNamingIt(string resource)
    {
        var error = Assert.Throws<InvalidOperationException>(() => From(resource));

        Assert.Contains(resource, error.Message);
    }

    [Fact]
    public void NoScriptAtAllStopsTheStart()
    {
        Assert.Throws<InvalidOperationException>(() => From());
    }
}
