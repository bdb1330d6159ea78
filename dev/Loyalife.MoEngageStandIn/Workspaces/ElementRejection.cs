namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>One element of a request that was not applied, and why, with MoEngage's error type and the attribute at fault.</summary>
public sealed record ElementRejection(int Index, string? CustomerId, string Reason, string Type, string? Attribute)
{
    internal ElementRejection(int index, string? customerId, ElementFault fault)
        : this(index, customerId, fault.Message, fault.Type, fault.Attribute)
    {
    }

    internal ElementFault Fault => new(Type, Attribute, Reason);
}
