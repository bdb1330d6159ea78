namespace Loyalife.Deployment.Tests;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Infra => Path.Combine(Root, "infra");

    public static string Components => Path.Combine(Root, "components");

    public static string AppHost => Path.Combine(Root, "Loyalife.AppHost");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");

    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");

    public static string BicepConfig => Path.Combine(Infra, "bicepconfig.json");

    // azure.yaml sits at the root next to the solution; walking up from the test binaries finds it
    // wherever the checkout is.
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Loyalife.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Loyalife.sln above {AppContext.BaseDirectory}.");
    }
}
