namespace Loyalife.MoEngageDispatcher.Runs;

/// <summary>
/// What the run asked Get User: customer_ids asked, found, not found, calls made, time waited for its quota and
/// 429s, the time Get User took in all (waits included), and the time the existence gate spent on its own
/// confirmations table (everything but Get User), which is what confirming costs a night when nobody is asked.
/// </summary>
public sealed class ConfirmationFigures
{
    public long Asked { get; set; }

    public long Found { get; set; }

    public long NotFound { get; set; }

    public int Calls { get; set; }

    public double WaitSeconds { get; set; }

    public double GetUserSeconds { get; set; }

    public double BookkeepingSeconds { get; set; }
}
