using Loyalife.Domain.MoEngage;

namespace Loyalife.Domain.Tests;

public sealed class AttributeNamingTests
{
    [Fact]
    public void StatusGoesUnderLoyaltyStatusBecauseMoEngageReservesIt()
    {
        Assert.Equal("loyalty_status", AttributeNaming.DefaultName("status"));
        Assert.Equal("tier", AttributeNaming.DefaultName("tier"));
        Assert.NotNull(AttributeNaming.Problem("status"));
    }

    [Fact]
    public void TheEffectiveMapNamesEveryLoyalifeAttributeWithOverridesOnTop()
    {
        var effective = AttributeNaming.Effective(new Dictionary<string, string> { ["tier"] = "loyalty_tier" });

        Assert.Equal(AttributeNaming.LoyalifeNames.Order(), effective.Keys.Order());
        Assert.Equal("loyalty_tier", effective["tier"]);
        Assert.Equal("loyalty_status", effective["status"]);
        Assert.Equal("points_available", effective["points_available"]);
    }

    [Fact]
    public void WithoutOverridesTheEffectiveMapIsTheDefaults()
    {
        var effective = AttributeNaming.Effective(null);

        Assert.All(AttributeNaming.LoyalifeNames, name => Assert.Equal(AttributeNaming.DefaultName(name), effective[name]));
    }

    [Fact]
    public void EveryDefaultNameIsOneMoEngageTakes()
    {
        Assert.All(AttributeNaming.LoyalifeNames, name => Assert.Null(AttributeNaming.Problem(AttributeNaming.DefaultName(name))));
    }

    public static TheoryData<string, string> RefusedNames { get; } = TheoryRows.ByExpected(
        ("is empty", ["", "   "]),
        ("starts or ends with white space", [" tier", "tier "]),
        ("reserves", ["user_id", "USER_ID", "USER_ATTRIBUTE_USER_EMAIL"]),
        ("moe_", ["moe_points", "MOE_points"]));

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void ANameMoEngageWouldRefuseHasAProblemSayingWhy(string name, string reason)
    {
        Assert.Contains(reason, AttributeNaming.Problem(name));
    }

    [Fact]
    public void ANameLongerThanMoEngagesLimitHasAProblemAndOneAtTheLimitDoesNot()
    {
        Assert.Contains("200", AttributeNaming.Problem(new string('a', AttributeNaming.MaxLength + 1)));
        Assert.Null(AttributeNaming.Problem(new string('a', AttributeNaming.MaxLength)));
    }

    [Theory]
    [InlineData("loyalty_tier")]
    [InlineData("Points Available")]
    [InlineData("statusx")]
    public void AnOrdinaryNameHasNoProblem(string name)
    {
        Assert.Null(AttributeNaming.Problem(name));
    }
}
