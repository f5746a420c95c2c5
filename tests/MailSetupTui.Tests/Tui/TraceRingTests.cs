using FsCheck;
using FsCheck.Fluent;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tests.Tui;

/// <summary>The diagnostics trace ring: newest lines only, bounded by lines and by characters, each line's parts kept, text read in place.</summary>
public sealed class TraceRingTests
{
    private static TraceLine Line(TraceOrigin origin, string text) => new(origin, TraceDirection.Server, TraceStage.Command, TimeSpan.Zero, text);

    [Fact]
    public void It_keeps_the_newest_lines_only()
    {
        var ring = new TraceRing(3);
        foreach (var i in Enumerable.Range(1, 5)) ring.Add(Line(i % 2 == 0 ? TraceOrigin.Pop : TraceOrigin.Imap, $"line {i}"));
        Assert.Equal(3, ring.Count);
        Assert.Equal(5, ring.Version);
        Assert.Equal(2, ring.Oldest);
        Assert.Equal(["line 3", "line 4", "line 5"], Enumerable.Range(0, 3).Select(i => ring[i].Text));
        Assert.Equal([TraceOrigin.Imap, TraceOrigin.Pop, TraceOrigin.Imap], Enumerable.Range(2, 3).Select(n => ring.OriginAt(n)));
        Assert.Equal("line 4", ring.Line(3).Text);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Line(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Line(5));
    }

    [Fact]
    public void Each_line_keeps_its_origin_direction_stage_and_offset()
    {
        var ring = new TraceRing();
        var client =
            TraceLine.Mail(MailProtocol.Smtp,
                new TraceEvent(4, TraceStage.Auth, TraceDirection.Client, TimeSpan.FromMilliseconds(12), "AUTH XOAUTH2"));
        var token = TraceLine.Token("token request refused: AADSTS7000215");
        ring.Add(client);
        ring.Add(token);

        Assert.Equal(client, ring.Line(0));
        Assert.Equal((TraceOrigin.Token, TraceDirection.Info, (TraceStage?)null), (ring.Line(1).Origin, ring.Line(1).Direction, ring.Line(1).Stage));
        Assert.Equal("+0.012s auth     C: AUTH XOAUTH2", ring.Line(0).Shown);
        Assert.Equal("token request refused: AADSTS7000215", ring.Line(1).Shown);
    }

    [Theory]
    [InlineData("auth xoauth2", true)]
    [InlineData("C: AUTH", true)]
    [InlineData("auth     c", true)]
    [InlineData("+0.012s", true)]
    [InlineData("S: AUTH", false)]
    [InlineData("xoauth2 ", false)]
    public void Search_matches_the_line_as_shown_head_and_text_together(string search, bool found)
    {
        var ring = new TraceRing();
        var line =
            TraceLine.Mail(MailProtocol.Smtp,
                new TraceEvent(4, TraceStage.Auth, TraceDirection.Client, TimeSpan.FromMilliseconds(12), "AUTH XOAUTH2"));
        ring.Add(line);
        Assert.Equal(line.Shown.Contains(search, StringComparison.OrdinalIgnoreCase), found);
        Assert.Equal(found, ring.Contains(0, search));
    }

    [Fact]
    public void Search_in_place_agrees_with_searching_the_shown_line()
    {
        var gen = from stage in Gen.Choose(-1, 5)
                  from direction in Gen.Choose(0, 2)
                  from ms in Gen.Choose(0, 5_000_000)
                  from text in Gen.Elements("", "A2 OK done", "* OK [x] ready", "535 5.7.139 failed", new string('y', 600))
                  from start in Gen.Choose(0, 700)
                  from length in Gen.Choose(1, 700)
                  from upper in Gen.Elements(false, true)
                  select (stage, direction, ms, text, start, length, upper);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3_000).WithQuietOnSuccess(true), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var line =
                new TraceLine(TraceOrigin.Imap, (TraceDirection)c.direction, c.stage < 0 ? null : (TraceStage)c.stage,
                    TimeSpan.FromMilliseconds(c.ms), c.text);
            var ring = new TraceRing();
            ring.Add(line);
            var shown = line.Shown;
            // A piece of the shown line (head, text or across both), or else something it may not hold.
            var from = Math.Min(c.start, shown.Length);
            var search = from < shown.Length ? shown.Substring(from, Math.Min(c.length, shown.Length - from)) : "zz" + c.length;
            if (c.upper) search = search.ToUpperInvariant();
            return ring.Contains(0, search) == shown.Contains(search, StringComparison.OrdinalIgnoreCase);
        }));
    }

    [Fact]
    public void A_full_text_buffer_evicts_the_oldest_lines_and_a_line_that_does_not_fit_before_the_end_starts_again_at_zero()
    {
        var ring = new TraceRing(capacity: 100, textCapacity: TraceRing.MaxLineLength);
        var line = new string('a', 1_000);
        for (var i = 0; i < 4; i++) ring.Add(Line(TraceOrigin.Imap, line + i));
        Assert.Equal(4, ring.Count);

        // 4 x 1,001 characters fill 4,004 of 4,096; the fifth starts again at 0 and overwrites the first.
        ring.Add(Line(TraceOrigin.Smtp, "b" + line));
        Assert.Equal(4, ring.Count);
        Assert.Equal(line + "1", ring[0].Text);
        Assert.Equal("b" + line, ring[3].Text);
        Assert.Equal(TraceOrigin.Smtp, ring.OriginAt(4));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_with_an_ellipsis()
    {
        var ring = new TraceRing();
        ring.Add(Line(TraceOrigin.Imap, new string('x', TraceRing.MaxLineLength + 10)));
        ring.Add(Line(TraceOrigin.Imap, ""));
        var kept = ring[0].Text;
        Assert.Equal(TraceRing.MaxLineLength, kept.Length);
        Assert.EndsWith("x…", kept, StringComparison.Ordinal);
        Assert.Equal("", ring[1].Text);
    }

    [Fact]
    public void Any_stream_leaves_the_newest_lines_intact_within_both_limits()
    {
        var gen = from capacity in Gen.Choose(1, 40)
                  from textCapacity in Gen.Choose(TraceRing.MaxLineLength, 3 * TraceRing.MaxLineLength)
                  from lengths in Gen.Choose(0, TraceRing.MaxLineLength + 50).ListOf()
                  select (capacity, textCapacity, lengths);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000).WithQuietOnSuccess(true), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var ring = new TraceRing(c.capacity, c.textCapacity);
            var added = new List<TraceLine>();
            for (var i = 0; i < c.lengths.Count; i++)
            {
                // Each line's text names its number, so a line overwritten by another shows; its parts vary with it.
                var number = $"#{i}:";
                var text = number + new string((char)('a' + i % 26), Math.Max(0, c.lengths[i] - number.Length));
                var line =
                    new TraceLine((TraceOrigin)(i % 4), (TraceDirection)(i % 3), i % 5 == 0 ? null : (TraceStage)(i % 6),
                        TimeSpan.FromTicks(i * 7_919L), text);
                ring.Add(line);
                added.Add(line.Text.Length <= TraceRing.MaxLineLength
                    ? line
                    : line with { Text = line.Text[..(TraceRing.MaxLineLength - 1)] + "…" });
            }
            var held = Enumerable.Range(0, ring.Count).Select(i => ring[i]).ToList();
            var expected = added.Skip(added.Count - held.Count).ToList();
            var chars = held.Sum(l => l.Text.Length);
            var evictedForText = held.Count < Math.Min(added.Count, c.capacity);
            return held.SequenceEqual(expected)
                && ring.Version == added.Count
                && ring.Oldest == added.Count - held.Count
                && held.Count <= c.capacity
                && (added.Count == 0 || held.Count >= 1)
                && chars <= c.textCapacity
                // What the text limit evicts is only what it must: at most two lines' worth is unused.
                && (!evictedForText || chars >= c.textCapacity - 2 * TraceRing.MaxLineLength);
        }));
    }
}
