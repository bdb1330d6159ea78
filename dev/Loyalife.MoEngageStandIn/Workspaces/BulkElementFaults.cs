namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>
/// The two readings of what MoEngage does with a Bulk Import body holding an invalid element (see the README):
/// its data overview says every Bulk request answers 200 and bad records are dropped while processing; its
/// OpenAPI file lists 400 answers for element faults (missing customer_id, wrong type, empty action).
/// </summary>
internal static class BulkElementFaults
{
    /// <summary>Answer 200 and drop only the invalid elements (the default).</summary>
    public const string Drop = "drop";

    /// <summary>Answer 400 naming the first fault, and apply nothing of the body.</summary>
    public const string Reject = "reject";

    /// <summary>The setting as given (any case), or null when it is neither reading; absent means <see cref="Drop"/>.</summary>
    public static string? Parse(string? setting) => setting?.ToLowerInvariant() switch
    {
        null or Drop => Drop,
        Reject => Reject,
        _ => null,
    };
}
