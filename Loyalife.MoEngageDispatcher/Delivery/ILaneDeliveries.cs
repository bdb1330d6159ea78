namespace Loyalife.MoEngageDispatcher.Delivery;

/// <summary>What the intraday lane already delivered of a date, which the night leaves out (<see cref="IntradayStore"/>).</summary>
public interface ILaneDeliveries
{
    Task<LaneDelivered> OfDayAsync(string programId, DateOnly date, CancellationToken cancellationToken);
}
