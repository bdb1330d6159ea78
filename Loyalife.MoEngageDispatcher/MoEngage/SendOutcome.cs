namespace Loyalife.MoEngageDispatcher.MoEngage;

/// <summary>How MoEngage finally answered one body, after the retries the failure policy allows.</summary>
public enum SendOutcome
{
    Accepted,

    /// <summary>413: the caller splits the body in halves and sends each.</summary>
    TooLarge,

    /// <summary>Another 4xx: the elements are recorded as rejected with the answer, and the run goes on.</summary>
    Rejected,
}
