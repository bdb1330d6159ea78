namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>
/// A place in a snapshot stream: the <c>after</c> cursor that fetched a page, and how many of that page's
/// items come before it. A checkpoint stores the position after the last accepted element, so a resumed run
/// can start in the middle of a page that was split over several bodies.
/// </summary>
public readonly record struct StreamPosition(string? PageCursor, int Offset)
{
    public static readonly StreamPosition Start = new(null, 0);
}
