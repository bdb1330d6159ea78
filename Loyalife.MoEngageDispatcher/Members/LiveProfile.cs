namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>What one live Get User call said of a customer id: held or not (null: no answer), and its attributes.</summary>
public sealed record LiveProfile(string GetUser, bool? Held, IReadOnlyDictionary<string, JsonElement>? Attributes)
{
    public const string Answered = "answered";
    public const string Unavailable = "unavailable";
    public const string CredentialsRejected = "credentials_rejected";
    public const string NotAsked = "not_asked";

    public static LiveProfile Not(string why) => new(why, null, null);
}
