namespace Loyalife.MoEngageDispatcher.Tests;

public sealed class BulkBodyPackerTests
{
    private const int Cap = 102_400;

    [Fact]
    public void BodiesStayUnderTheCapFillItAndKeepEveryElementWholeAndInOrder()
    {
        using var packer = new BulkBodyPacker(Cap);
        var bodies = new List<BulkBody>();
        var sent = new List<string>();
        for (var n = 1; n <= 5000; n++)
        {
            var writer = packer.BeginElement();
            writer.WriteStartObject();
            writer.WriteString("customer_id", $"C{n:D7}");
            writer.WriteString("padding", new string('x', n % 300)); // elements of varying size
            writer.WriteEndObject();
            var (closed, oversized) = packer.Commit(ElementKind.Customer, null, new StreamPosition("page", n));
            Assert.False(oversized);
            if (closed is not null)
            {
                bodies.Add(closed);
            }
        }

        bodies.Add(packer.Flush()!);

        foreach (var body in bodies)
        {
            Assert.True(body.Length <= Cap);
            using var document = JsonDocument.Parse(body.Content);
            Assert.Equal("transition", document.RootElement.GetProperty("type").GetString());
            sent.AddRange(document.RootElement.GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("customer_id").GetString()!));
        }

        Assert.Equal(Enumerable.Range(1, 5000).Select(n => $"C{n:D7}"), sent);
        var full = bodies[..^1];
        Assert.True(full.Average(body => body.Length) >= 0.9 * Cap, $"average fill {full.Average(b => b.Length) / Cap:P1}");
        Assert.Equal(new StreamPosition("page", 5000), bodies[^1].End);
    }

    [Fact]
    public void AnElementTooLargeForAnyBodyIsRefusedAndTheOthersGoOn()
    {
        using var packer = new BulkBodyPacker(1024);
        Add(packer, new string('a', 100), 1);
        Add(packer, new string('b', 1100), 2, expectOversized: true);
        Add(packer, new string('c', 100), 3);

        using var body = packer.Flush()!;

        Assert.Equal(2, body.Count);
        Assert.Equal(new StreamPosition(null, 3), body.End);
    }

    [Fact]
    public void ABodyClosesExactlyWhenTheNextElementWouldCrossTheCap()
    {
        using var packer = new BulkBodyPacker(200);
        var element = Encoding.UTF8.GetByteCount(ElementJson(new string('a', 40)));
        var fits = (200 - BulkBody.Prefix.Length - BulkBody.Suffix.Length + 1) / (element + 1);
        BulkBody? closed = null;
        for (var i = 1; i <= fits + 1; i++)
        {
            closed = Add(packer, new string('a', 40), i);
        }

        Assert.NotNull(closed);
        Assert.Equal(fits, closed.Count);
        Assert.True(closed.Length <= 200 && closed.Length + element + 1 > 200);
    }

    [Fact]
    public void HalvesOfABodyAreValidBodiesThatTogetherHoldItsElements()
    {
        using var packer = new BulkBodyPacker(Cap);
        for (var i = 1; i <= 5; i++)
        {
            Add(packer, $"v{i}", i);
        }

        using var body = packer.Flush()!;
        using var first = body.Slice(0, 2);
        using var second = body.Slice(2, 3);

        Assert.Equal("""{"type":"transition","elements":[{"customer_id":"v1"},{"customer_id":"v2"}]}""", Encoding.UTF8.GetString(first.Content.Span));
        Assert.Equal(3, JsonDocument.Parse(second.Content).RootElement.GetProperty("elements").GetArrayLength());
        Assert.Equal(new StreamPosition(null, 2), first.End);
        Assert.Equal(body.End, second.End);
    }

    private static string ElementJson(string value) => $$"""{"customer_id":"{{value}}"}""";

    private static BulkBody? Add(BulkBodyPacker packer, string value, int offset, bool expectOversized = false)
    {
        var writer = packer.BeginElement();
        writer.WriteStartObject();
        writer.WriteString("customer_id", value);
        writer.WriteEndObject();
        var (closed, oversized) = packer.Commit(ElementKind.Customer, null, new StreamPosition(null, offset));
        Assert.Equal(expectOversized, oversized);
        return closed;
    }
}
