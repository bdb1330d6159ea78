using System.IO.Hashing;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// Compares packed profiles (<see cref="ProfileAttributes"/>) by the customer ID they begin with, and looks them
/// up by an ID as text, so the profile set needs no key string beside each profile.
/// </summary>
internal sealed class ProfileKeys : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<char>, byte[]>
{
    public static readonly ProfileKeys Instance = new();

    private const int MaxStackBytes = 512;

    public bool Equals(byte[]? x, byte[]? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && ProfileAttributes.Key(x).SequenceEqual(ProfileAttributes.Key(y)));

    public int GetHashCode(byte[] profile) => Hash(ProfileAttributes.Key(profile));

    public bool Equals(ReadOnlySpan<char> alternate, byte[] other)
    {
        var key = ProfileAttributes.Key(other);
        if (Encoding.UTF8.GetByteCount(alternate) != key.Length)
        {
            return false;
        }

        Span<byte> utf8 = key.Length <= MaxStackBytes ? stackalloc byte[key.Length] : new byte[key.Length];
        Encoding.UTF8.GetBytes(alternate, utf8);
        return utf8.SequenceEqual(key);
    }

    public int GetHashCode(ReadOnlySpan<char> alternate)
    {
        var length = Encoding.UTF8.GetByteCount(alternate);
        Span<byte> utf8 = length <= MaxStackBytes ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(alternate, utf8);
        return Hash(utf8);
    }

    /// <summary>Only lookups go through the ID as text; profiles are always made by <see cref="ProfileAttributes"/>.</summary>
    public byte[] Create(ReadOnlySpan<char> alternate) => throw new NotSupportedException("Profiles are added whole.");

    private static int Hash(ReadOnlySpan<byte> key) => (int)XxHash3.HashToUInt64(key);
}
