using Collaboration.Grains.Mail;
using Microsoft.Extensions.Options;

namespace Collaboration.Grains.Tests.Mail;

/// <summary>The node's pace for handing emails to the transport: a burst of six seconds' worth, then one at a time.</summary>
public sealed class MailRateTests
{
    [Fact]
    public void PastItsBurst_AMessageIsToldHowLongToWait()
    {
        // Arrange: one a minute, so a burst of one.
        using var rate = new MailRate(Options.Create(new MailSchedule { MaxPerMinute = 1 }));

        // Act
        var first = rate.WaitBeforeSending();
        var second = rate.WaitBeforeSending();

        // Assert
        Assert.Null(first);
        Assert.NotNull(second);
        Assert.InRange(second.Value, TimeSpan.FromTicks(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void SixHundredAMinute_LetsAboutSixtyGoAtOnce_ThenHoldsTheRest()
    {
        using var rate = new MailRate(Options.Create(new MailSchedule()));

        // A tight loop of 1,000: the bucket's 60, plus the odd one replenished meanwhile (one per 100 ms).
        var sent = Enumerable.Range(0, 1_000).Count(_ => rate.WaitBeforeSending() is null);

        Assert.InRange(sent, 60, 200);
    }
}
