namespace Loyalife.IdentityProvider.People;

/// <summary>A person the sign-in page offers; what their tokens say about them.</summary>
public sealed record DemoPerson(string Subject, string Name, string UserName, string Role, IReadOnlyList<string> Programs, string Description);
