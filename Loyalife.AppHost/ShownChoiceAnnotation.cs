namespace Loyalife.AppHost;

/// <summary>Records which way a resource runs (container or local, daprd or local sidecar) and why.</summary>
public sealed record ShownChoiceAnnotation(string Property, string Value, string Reason) : IResourceAnnotation;
