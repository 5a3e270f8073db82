using Collaboration.Grains.Runtime;

namespace Collaboration.Grains.Tests.Runtime;

public sealed class GrainIdTests
{
    [Theory]
    [InlineData("meeting:3f2c8f1e-0000-4000-8000-000000000001", "meeting", "3f2c8f1e-0000-4000-8000-000000000001")]
    [InlineData("organiser-account:marie@exemple.qc.ca", "organiser-account", "marie@exemple.qc.ca")]
    [InlineData("colloque:2026:badge:A7", "colloque", "2026:badge:A7")] // keys may contain ':'
    public void Parse_ThenToString_RoundTrips(string text, string type, string key)
    {
        var id = GrainId.Parse(text);

        Assert.Equal(new GrainId(type, key), id);
        Assert.Equal(text, id.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-colon")]
    [InlineData(":key")]
    [InlineData("type:")]
    public void Parse_Refuses_WhatIsNotTypeColonKey(string text)
    {
        Assert.Throws<FormatException>(() => GrainId.Parse(text));
        Assert.False(GrainId.TryParse(text, out _));
    }
}
