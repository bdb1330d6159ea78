namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>How MoEngage finally answered one body, after the retries the failure policy allows.</summary>
public enum SendOutcome
{
    Accepted,

    /// <summary>413: the caller splits the body in halves and sends each.</summary>
    TooLarge,

    /// <summary>
    /// Another 4xx: the elements are recorded as rejected with the answer, and the run goes on. A 400 on a body
    /// of several elements is split first, so only the elements MoEngage refuses are rejected.
    /// </summary>
    Rejected,
}
