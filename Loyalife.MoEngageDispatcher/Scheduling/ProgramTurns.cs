namespace Loyalife.MoEngageDispatcher.Scheduling;

/// <summary>
/// One turn at a time for each program in this replica. A request for a program that is being processed
/// here is not dropped but folded into one more turn, which starts when the current one ends. Without it, a
/// tick that came while a run was finishing (its status already written, its lock not yet let go) found
/// the lock taken and was lost, and a date that had fallen due meanwhile waited for the next tick.
/// Between replicas the program lock decides, as before.
/// </summary>
internal sealed class ProgramTurns
{
    // A program with a turn under way, and what was folded into its next turn (null: nothing yet).
    private readonly Dictionary<string, DispatchRequest?> turns = [];

    /// <summary>True when the caller takes the turn; false when the request was folded into the one under way.</summary>
    public bool TryBegin(string programId, bool scheduleDueDates, ActivityContext trigger)
    {
        lock (turns)
        {
            if (!turns.TryGetValue(programId, out var folded))
            {
                turns[programId] = null;
                return true;
            }

            // A tick (due dates) folded with a wake stays a tick; the first trigger folded names the turn.
            var tick = scheduleDueDates || folded is { ProgramId: null };
            turns[programId] = new DispatchRequest(tick ? null : programId, folded?.Trigger ?? trigger);
            return false;
        }
    }

    /// <summary>Ends the turn, or answers what was folded into it, which the caller runs as its next turn.</summary>
    public DispatchRequest? EndOrNext(string programId)
    {
        lock (turns)
        {
            if (turns[programId] is { } next)
            {
                turns[programId] = null;
                return next;
            }

            turns.Remove(programId);
            return null;
        }
    }

    /// <summary>Ends the turn and drops whatever was folded into it (the process is stopping).</summary>
    public void Abandon(string programId)
    {
        lock (turns)
        {
            turns.Remove(programId);
        }
    }
}
