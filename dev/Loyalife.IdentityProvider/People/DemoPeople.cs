namespace Loyalife.IdentityProvider.People;

/// <summary>
/// The development-only people: one of each kind of caller the access rules tell apart (an operator of every
/// program, an editor of one program, a viewer of another). The programs are the demo ledger's.
/// </summary>
public static class DemoPeople
{
    public const string Editor = "loyalife.editor";
    public const string Viewer = "loyalife.viewer";

    public static readonly IReadOnlyList<DemoPerson> All =
    [
        new("operator", "Olivia Operator", "olivia.operator@loyalife.example", Editor, ["*"],
            "Loyalife operator: every program, may change them."),
        new("demo-editor", "Eddie Editor", "eddie.editor@demo.example", Editor, ["demo"],
            "Editor of the program demo."),
        new("kolkata-viewer", "Kavya Viewer", "kavya.viewer@kolkata.example", Viewer, ["demo-kolkata"],
            "Viewer of the program demo-kolkata: reads, changes nothing."),
    ];

    public static DemoPerson? Find(string? subject) => All.FirstOrDefault(person => person.Subject == subject);
}
