namespace Loyalife.Deployment.Tests.Support;

/// <summary>What the tests compare of a Dapr component, whether it comes from components/ or infra/.</summary>
internal sealed record DaprComponent(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string?> Metadata,
    IReadOnlyList<string?> Scopes);
