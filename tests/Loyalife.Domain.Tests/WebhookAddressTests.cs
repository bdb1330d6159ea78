using System.Net;
using Loyalife.Domain.Alerts;

namespace Loyalife.Domain.Tests;

public sealed class WebhookAddressTests
{
    public static TheoryData<string, string> NonPublicAddresses { get; } = TheoryRows.ByExpected(
        ("a loopback address", ["127.0.0.1", "127.200.0.9", "::1", "::ffff:127.0.0.1"]),
        ("a private address", ["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1", "::ffff:192.168.1.1", "fd00::1", "fec0::1", "2002:0a00:0001::1"]),
        ("a private address (carrier-grade NAT)", ["100.64.0.1"]),
        ("a link-local address", ["169.254.169.254", "fe80::1", "64:ff9b::a9fe:a9fe"]),
        ("an unspecified address", ["0.0.0.0", "::"]),
        ("a multicast or reserved address", ["224.0.0.1", "255.255.255.255"]),
        ("a multicast address", ["ff02::1"]));

    [Theory]
    [MemberData(nameof(NonPublicAddresses))]
    public void NonPublicAddressesAreRefusedByKind(string address, string refusal) =>
        Assert.Equal(refusal, WebhookAddress.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:1.1.1.1")]
    public void PublicAddressesPass(string address) => Assert.Null(WebhookAddress.Refusal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://hooks.example.com/x", "https")]
    [InlineData("ftp://hooks.example.com/x", "https")]
    [InlineData("https://10.0.0.7/hook", "a private address")]
    [InlineData("https://[fe80::1]/hook", "a link-local address")]
    [InlineData("https://127.0.0.1:8443/hook", "a loopback address")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://user:pass@hooks.example.com/x", "user name or password")]
    [InlineData("/relative/hook", "absolute")]
    [InlineData("", "required")]
    public void AUrlIsRefusedNamingItsProblem(string url, string named)
    {
        var problem = WebhookAddress.Problem(url, allowLocalhost: false, out _);

        Assert.NotNull(problem);
        Assert.Contains(named, problem);
    }

    [Fact]
    public void LocalhostIsAcceptedOnlyWhereAllowedAndOtherLoopbacksNever()
    {
        Assert.Null(WebhookAddress.Problem("http://localhost:5000/hook", allowLocalhost: true, out _));
        Assert.Null(WebhookAddress.Problem("https://localhost/hook", allowLocalhost: true, out _));
        Assert.NotNull(WebhookAddress.Problem("http://localhost:5000/hook", allowLocalhost: false, out _));
        Assert.NotNull(WebhookAddress.Problem("http://127.0.0.1:5000/hook", allowLocalhost: true, out _));
        Assert.NotNull(WebhookAddress.Problem("http://hooks.example.com/hook", allowLocalhost: true, out _));
    }

    [Fact]
    public async Task EveryAddressAHostResolvesToIsChecked()
    {
        var refused = await Assert.ThrowsAsync<WebhookAddressException>(() => WebhookAddress.ResolveAsync("localhost", allowLocalhost: false, CancellationToken.None));
        Assert.Contains("a loopback address", refused.Message);
        Assert.False(refused.Transient);

        var literal = await Assert.ThrowsAsync<WebhookAddressException>(() => WebhookAddress.ResolveAsync("[::ffff:10.0.0.1]", allowLocalhost: true, CancellationToken.None));
        Assert.Contains("a private address", literal.Message);

        Assert.Contains(IPAddress.Loopback, await WebhookAddress.ResolveAsync("localhost", allowLocalhost: true, CancellationToken.None));
    }
}
