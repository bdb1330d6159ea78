namespace Loyalife.DaprSidecar.Tests.Support;

/// <summary>Dapr component files as the repository's <c>components/</c> folder writes them.</summary>
public static class ComponentYaml
{
    public static string SecretStore(string name, string secretsFile, string? extraMetadata = null, string? scopes = null) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: secretstores.local.file
          version: v1
          metadata:
            - name: secretsFile
              value: "{secretsFile}"
        {Indent(extraMetadata)}
        {Scopes(scopes)}
        """;

    public static string Cron(string name, string schedule, string? direction = "input", string? route = null) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Component
        metadata:
          name: {name}
        spec:
          type: bindings.cron
          version: v1
          metadata:
            - name: schedule
              value: "{schedule}"
        {(direction is null ? "" : $"    - name: direction\n      value: {direction}")}
        {(route is null ? "" : $"    - name: route\n      value: {route}")}
        """;

    private static string Indent(string? metadata) => metadata ?? "";

    private static string Scopes(string? scopes) => scopes is null ? "" : $"scopes:\n  - {scopes}";
}
