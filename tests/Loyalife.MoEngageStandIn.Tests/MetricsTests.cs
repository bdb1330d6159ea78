using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Loyalife.MoEngageStandIn.Tests;

public sealed class MetricsTests(StandInFixture fixture) : StandInTestBase(fixture)
{
    [Fact]
    public async Task WhatArrivesIsCountedInTheStandInsMeter()
    {
        var appId = await Client.CreateWorkspaceHoldingAsync("C1");
        var measured = new ConcurrentBag<(string Instrument, long Value, string? Outcome, int? Status)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Loyalife.MoEngageStandIn")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray().ToDictionary(t => t.Key, t => t.Value);
            if (Equals(tagged.GetValueOrDefault("workspace"), appId))
            {
                measured.Add((instrument.Name, value, tagged.GetValueOrDefault("outcome") as string, tagged.GetValueOrDefault("status") as int?));
            }
        });
        listener.Start();
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);

        await Client.BulkAsync(appId, Bulk(Customer("C1", new { a = 1 }), Event("C1", "e", yesterday), Event("X", "e", yesterday)));

        Assert.Contains(("moengage_standin.requests", 1L, (string?)null, (int?)200), measured);
        Assert.Contains(("moengage_standin.customers", 1L, "updated", (int?)null), measured);
        Assert.Contains(("moengage_standin.customers", 1L, "created", (int?)null), measured);
        Assert.Contains(("moengage_standin.events", 2L, "accepted", (int?)null), measured);
    }
}
