namespace Loyalife.Domain.Members;

/// <summary>
/// What a member id or customer id typed into a lookup may be: text PostgreSQL can compare (no NUL, no lone
/// surrogate, which a text parameter cannot carry) and short enough to be an id, so anything else is a 400, never a 500.
/// </summary>
public static class LookupText
{
    public const int MaxLength = 256;

    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && !value.Any(char.IsControl) && IsWellFormed(value);

    private static bool IsWellFormed(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
