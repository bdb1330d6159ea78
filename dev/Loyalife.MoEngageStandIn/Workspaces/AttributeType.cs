namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>The type MoEngage gives a stored user attribute (<see cref="AttributeTypes"/> decides it).</summary>
internal enum AttributeType
{
    String,
    Number,
    Boolean,
    Date,
    Array,
    Object,
    Null,
}
