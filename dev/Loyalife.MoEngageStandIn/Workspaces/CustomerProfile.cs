using System.Text.Json;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// A profile's attributes, last write wins. Writes are kept as the raw attribute objects, in order, and
/// folded into one map when read or when enough pile up: ingesting an element then costs one copy instead
/// of a map write per attribute, and reads are rare. Not thread-safe: the owning workspace serialises access.
/// </summary>
internal sealed class CustomerProfile(string customerId)
{
    private const int MaxPendingWrites = 16;

    private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);
    private readonly List<byte[]> _pendingWrites = [];

    public string CustomerId { get; } = customerId;

    public void Write(ReadOnlySpan<byte> attributesObject)
    {
        _pendingWrites.Add(attributesObject.ToArray());
        if (_pendingWrites.Count >= MaxPendingWrites)
        {
            Fold();
        }
    }

    /// <summary>A copy: attribute name → raw JSON value.</summary>
    public Dictionary<string, string> Attributes()
    {
        Fold();
        return new Dictionary<string, string>(_attributes, StringComparer.Ordinal);
    }

    private void Fold()
    {
        foreach (var write in _pendingWrites)
        {
            using var document = JsonDocument.Parse(write);
            foreach (var attribute in document.RootElement.EnumerateObject())
            {
                _attributes[attribute.Name] = attribute.Value.GetRawText();
            }
        }

        _pendingWrites.Clear();
    }
}
