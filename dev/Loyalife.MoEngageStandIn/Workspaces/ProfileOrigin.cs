namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>How a profile came to exist; shown by the control API so a test can tell a created profile apart.</summary>
internal enum ProfileOrigin : byte
{
    /// <summary>Listed in the workspace's definition.</summary>
    Defined,

    /// <summary>Added through <c>POST /control/workspaces/{appId}/customers</c>.</summary>
    Added,

    /// <summary>Matched the workspace's <c>customerIdPattern</c>, so it existed before its first write.</summary>
    Pattern,

    /// <summary>Created by a customer record without <c>update_existing_only</c>.</summary>
    Customer,

    /// <summary>Created by an event for a customer the workspace did not hold.</summary>
    Event,
}
