namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>An element's validation result, computed before the workspace lock is taken.</summary>
internal readonly record struct ElementCheck(ElementKind Kind, string? CustomerId, ElementFault? Fault)
{
    public string? Reason => Fault?.Message;
}
