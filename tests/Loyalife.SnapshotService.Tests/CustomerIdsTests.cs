using Loyalife.Domain.MoEngage;
using Loyalife.SnapshotService.Snapshots;

namespace Loyalife.SnapshotService.Tests;

public sealed class CustomerIdsTests
{
    [Theory]
    [InlineData(null, "missing_reference")]
    [InlineData("", "missing_reference")]
    [InlineData(" \t\u00A0", "missing_reference")]
    [InlineData("unknown", "disallowed_reference")]
    [InlineData(" GUEST ", "disallowed_reference")]
    [InlineData("N/A", "disallowed_reference")]
    [InlineData("User_Id", "disallowed_reference")]
    [InlineData("-1", "disallowed_reference")]
    [InlineData("''", "disallowed_reference")]
    [InlineData("(empty)", "disallowed_reference")]
    [InlineData("C00000001", null)]
    [InlineData(" C00000001 ", null)]
    [InlineData("10", null)]
    [InlineData("ıd", null)]
    public void ReferencesAreSkippedForMissingOrDisallowedIds(string? reference, string? reason) =>
        Assert.Equal(reason, CustomerIds.SkipReason(reference));
}
