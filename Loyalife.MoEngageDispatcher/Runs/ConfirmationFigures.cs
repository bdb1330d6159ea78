namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>What the run asked Get User: customer_ids asked, found, not found, calls made, time waited for its quota and 429s.</summary>
public sealed class ConfirmationFigures
{
    public long Asked { get; set; }

    public long Found { get; set; }

    public long NotFound { get; set; }

    public int Calls { get; set; }

    public double WaitSeconds { get; set; }
}
