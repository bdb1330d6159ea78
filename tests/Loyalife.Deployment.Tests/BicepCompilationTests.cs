using System.Text.Json;

namespace Loyalife.Deployment.Tests;

public sealed class BicepCompilationTests
{
    [Fact]
    public async Task MainTemplateBuildsWithoutAnyDiagnostic()
    {
        var build = await BicepCli.BuildMainAsync();

        Assert.True(build.ExitCode == 0, $"bicep build failed: {build}");
        Assert.True(build.StandardError.Trim().Length == 0, $"bicep build reported diagnostics:\n{build.StandardError}");
        Assert.StartsWith("{", build.StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryBicepFileLintsClean()
    {
        // Lint warnings are errors through infra/bicepconfig.json; compiler warnings (BCPxxx) only print,
        // so the test also demands empty output.
        var lint = await BicepCli.RunAsync("lint", "--pattern", "infra/**/*.bicep");

        Assert.True(lint.ExitCode == 0, $"bicep lint failed: {lint}");
        Assert.True((lint.StandardOutput + lint.StandardError).Trim().Length == 0, $"bicep lint reported:\n{lint}");
    }

    [Fact]
    public void LinterTreatsEveryRuleItKeepsAsAnError()
    {
        var config = JsonNode.Parse(
            File.ReadAllText(DeploymentFiles.BicepConfig),
            documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject()
            .ToDictionary(rule => rule.Key, rule => (string?)rule.Value!["level"]);

        Assert.True(config["analyzers"]!["core"]!["enabled"]!.GetValue<bool>());
        Assert.Equal("error", rules["outputs-should-not-contain-secrets"]);
        Assert.Equal("error", rules["secure-parameter-default"]);
        Assert.Equal("error", rules["use-secure-value-for-secure-inputs"]);
        Assert.All(rules, rule => Assert.Contains(rule.Value, new[] { "error", "off" }));
        // Only the two rules whose verdict depends on the date or on a module registry are off.
        Assert.Equal(
            ["use-recent-api-versions", "use-recent-module-versions"],
            rules.Where(rule => rule.Value == "off").Select(rule => rule.Key).Order());
    }
}
