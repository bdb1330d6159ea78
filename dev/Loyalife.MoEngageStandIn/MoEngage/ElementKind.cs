namespace Loyalife.MoEngageStandIn.MoEngage;

internal enum ElementKind
{
    Customer,
    Event,
}
