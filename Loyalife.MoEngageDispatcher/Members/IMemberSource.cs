namespace Loyalife.MoEngageDispatcher.Members;

/// <summary>snapshot-service's single-member reads, as the member lookup needs them.</summary>
public interface IMemberSource
{
    /// <summary>The member of the closed day <paramref name="date"/>, or null when it was not a member by that day's end.</summary>
    Task<MemberDay?> GetMemberDayAsync(string programId, DateOnly date, string memberId, CancellationToken cancellationToken);

    /// <summary>The members whose trimmed relation reference is <paramref name="customerId"/>, in ordinal order.</summary>
    Task<IReadOnlyList<string>> FindByCustomerIdAsync(string programId, string customerId, CancellationToken cancellationToken);
}
