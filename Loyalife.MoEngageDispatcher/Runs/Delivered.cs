using Loyalife.MoEngageDispatcher.MoEngage;

namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>A body's outcome, ready to apply in order: its parts (more than one after a 413 split) and where it ends.</summary>
internal sealed record Delivered(DateOnly Date, ElementKind Kind, StreamPosition End, IReadOnlyList<Part> Parts, int Elements = 0);
