using FsCheck;
using FsCheck.Fluent;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tests.Tui;

/// <summary>The diagnostics trace ring: newest lines only, bounded by lines and by characters, text read in place.</summary>
public sealed class TraceRingTests
{
    [Fact]
    public void It_keeps_the_newest_lines_only()
    {
        var ring = new TraceRing(3);
        foreach (var i in Enumerable.Range(1, 5)) ring.Add(new TraceLine(i % 2 == 0 ? "pop" : "imap", $"line {i}"));
        Assert.Equal(3, ring.Count);
        Assert.Equal(5, ring.Version);
        Assert.Equal(["line 3", "line 4", "line 5"], Enumerable.Range(0, 3).Select(i => ring[i].Text));
        Assert.Equal(["imap", "pop", "imap"], Enumerable.Range(0, 3).Select(ring.ProtocolAt));
        Assert.Equal("line 4", ring.TextAt(1).ToString());
    }

    [Fact]
    public void A_full_text_buffer_evicts_the_oldest_lines_and_a_line_that_does_not_fit_before_the_end_starts_again_at_zero()
    {
        var ring = new TraceRing(capacity: 100, textCapacity: TraceRing.MaxLineLength);
        var line = new string('a', 1_000);
        for (var i = 0; i < 4; i++) ring.Add(new TraceLine("imap", line + i));
        Assert.Equal(4, ring.Count);

        // 4 x 1,001 characters fill 4,004 of 4,096; the fifth starts again at 0 and overwrites the first.
        ring.Add(new TraceLine("smtp", "b" + line));
        Assert.Equal(4, ring.Count);
        Assert.Equal(line + "1", ring[0].Text);
        Assert.Equal("b" + line, ring[3].Text);
        Assert.Equal("smtp", ring.ProtocolAt(3));
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_cut_with_an_ellipsis()
    {
        var ring = new TraceRing();
        ring.Add(new TraceLine("imap", new string('x', TraceRing.MaxLineLength + 10)));
        ring.Add(new TraceLine("imap", ""));
        var kept = ring[0].Text;
        Assert.Equal(TraceRing.MaxLineLength, kept.Length);
        Assert.EndsWith("x…", kept, StringComparison.Ordinal);
        Assert.Equal("", ring[1].Text);
    }

    [Fact]
    public void Clear_empties_it_and_it_fills_again()
    {
        var ring = new TraceRing(10);
        ring.Add(new TraceLine("imap", "before"));
        ring.Clear();
        Assert.Equal(0, ring.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring[0]);
        ring.Add(new TraceLine("pop", "after"));
        Assert.Equal(("pop", "after"), (ring[0].Protocol, ring[0].Text));
    }

    [Fact]
    public void Any_stream_leaves_the_newest_lines_intact_within_both_limits()
    {
        var gen = from capacity in Gen.Choose(1, 40)
                  from textCapacity in Gen.Choose(TraceRing.MaxLineLength, 3 * TraceRing.MaxLineLength)
                  from lengths in Gen.Choose(0, TraceRing.MaxLineLength + 50).ListOf()
                  from clearAt in Gen.Choose(-1, 200)
                  select (capacity, textCapacity, lengths, clearAt);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2_000).WithQuietOnSuccess(true), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var ring = new TraceRing(c.capacity, c.textCapacity);
            var added = new List<TraceLine>();
            for (var i = 0; i < c.lengths.Count; i++)
            {
                if (i == c.clearAt) { ring.Clear(); added.Clear(); }
                // Each line's text names its number, so a line overwritten by another shows.
                var number = $"#{i}:";
                var text = number + new string((char)('a' + i % 26), Math.Max(0, c.lengths[i] - number.Length));
                var line = new TraceLine(i % 3 == 0 ? "imap" : "smtp", text);
                ring.Add(line);
                added.Add(line.Text.Length <= TraceRing.MaxLineLength ? line : line with { Text = line.Text[..(TraceRing.MaxLineLength - 1)] + "…" });
            }
            var held = Enumerable.Range(0, ring.Count).Select(i => ring[i]).ToList();
            var expected = added.Skip(added.Count - held.Count).ToList();
            var chars = held.Sum(l => l.Text.Length);
            var evictedForText = held.Count < Math.Min(added.Count, c.capacity);
            return held.SequenceEqual(expected)
                && held.Count <= c.capacity
                && (added.Count == 0 || held.Count >= 1)
                && chars <= c.textCapacity
                // What the text limit evicts is only what it must: at most two lines' worth is unused.
                && (!evictedForText || chars >= c.textCapacity - 2 * TraceRing.MaxLineLength);
        }));
    }
}
