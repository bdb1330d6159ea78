namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>
/// A body's outcome, ready to apply in order: its parts (more than one after a 413 split), where it ends,
/// and the events held back before it.
/// </summary>
internal sealed record Delivered(
    DateOnly Date, ElementKind Kind, StreamPosition End, IReadOnlyList<Part> Parts, int Elements = 0,
    IReadOnlyDictionary<string, long>? HeldBack = null);
