namespace Loyalife.Deployment.Tests.Support;

/// <summary>Paths in the checkout the tests run from.</summary>
internal static class DeploymentFiles
{
    public static string Root => Loyalife.Testing.Repository.Root;

    public static string Infra => Path.Combine(Root, "infra");

    public static string Components => Path.Combine(Root, "components");

    public static string AppHost => Path.Combine(Root, "Loyalife.AppHost");

    public static string AzureYaml => Path.Combine(Root, "azure.yaml");

    public static string MainParameters => Path.Combine(Infra, "main.parameters.json");

    public static string BicepConfig => Path.Combine(Infra, "bicepconfig.json");
}
