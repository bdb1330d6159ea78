namespace Loyalife.MoEngageStandIn.MoEngage;

internal enum ElementKind
{
    Customer,
    Event,

    /// <summary>A device record: checked, then not kept (the stand-in does not model devices).</summary>
    Device,
}
