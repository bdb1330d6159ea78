namespace Loyalife.MoEngageStandIn.Control;

public sealed record CustomerListItem(string CustomerId, string Origin);
