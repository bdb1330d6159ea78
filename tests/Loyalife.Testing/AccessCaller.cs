namespace Loyalife.Testing;

/// <summary>The people every access table asks about, relative to "the program" of the table (docs/access.md).</summary>
public enum AccessCaller
{
    /// <summary>Loyalife's own operator: every program (<c>*</c>), editor.</summary>
    Operator,

    EditorOfTheProgram,

    ViewerOfTheProgram,

    EditorOfAnotherProgram,

    /// <summary>An editor whose token names no program at all.</summary>
    EditorOfNoProgram,

    /// <summary>Holds the program but carries no Loyalife role.</summary>
    NoRole,
}
