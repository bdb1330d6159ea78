namespace Loyalife.MoEngageStandIn.Control;

/// <summary>
/// <c>GET /control/workspaces/{appId}/customers?origin=&amp;limit=</c>: how many profiles the workspace holds (of
/// that origin), and the first <c>limit</c> of them. Profiles that only match the pattern and were never written
/// are not held, so not listed.
/// </summary>
public sealed record CustomerList(int Total, IReadOnlyList<CustomerListItem> Items);
