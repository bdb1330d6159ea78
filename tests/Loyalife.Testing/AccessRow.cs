namespace Loyalife.Testing;

/// <summary>
/// One admin endpoint in an access table: its method and route as the service maps it, what a caller allowed on
/// it gets (<paramref name="Allowed"/>, with the request the table sends), and how it finds its program.
/// </summary>
public sealed record AccessRow(string Method, string Route, int Allowed, AccessScope Scope = AccessScope.Route, string? Body = null)
{
    public string Name => $"{Method} {Route}";

    public bool IsChange => Method is not ("GET" or "HEAD");

    /// <summary>The answer <paramref name="caller"/> must get; the rules of docs/access.md, in one place for every service.</summary>
    public int ExpectedFor(AccessCaller caller) => caller switch
    {
        _ when Scope == AccessScope.Caller => Allowed,
        AccessCaller.Operator or AccessCaller.EditorOfTheProgram => Allowed,
        AccessCaller.ViewerOfTheProgram => IsChange ? 403 : Allowed,
        AccessCaller.NoRole => 403,
        _ => Scope == AccessScope.List ? Allowed : 404,
    };

    /// <summary>Whether <paramref name="caller"/>'s 404 must be the answer for a program that does not exist, word for word.</summary>
    public bool HidesTheProgramFrom(AccessCaller caller) =>
        Scope == AccessScope.Route && caller is AccessCaller.EditorOfAnotherProgram or AccessCaller.EditorOfNoProgram;
}
