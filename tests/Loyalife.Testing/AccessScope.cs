namespace Loyalife.Testing;

/// <summary>How an admin endpoint finds its program, which decides what an outsider gets.</summary>
public enum AccessScope
{
    /// <summary>The route names it (<c>{programId}</c>): an outsider gets the unknown-program 404.</summary>
    Route,

    /// <summary>A list over programs: everyone with a role gets it, holding only their programs.</summary>
    List,

    /// <summary>Something looked up by its own id (a run): an outsider gets that thing's 404.</summary>
    ById,

    /// <summary>About the caller itself, not a program: every signed-in caller gets it, even one without a role (so the page can say what they lack).</summary>
    Caller,
}
