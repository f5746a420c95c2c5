using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tests.Tui.Terminal;

public sealed class FramePacerTests
{
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 11, 22, 0, 0, 0, TimeSpan.Zero), manualTimestamps: true);
    private readonly FramePacer _pacer;

    public FramePacerTests() => _pacer = new FramePacer(_clock, TimeSpan.FromMilliseconds(33));

    [Fact]
    public void Nothing_changed_nothing_to_draw() => Assert.Null(_pacer.DueIn());

    [Fact]
    public void The_first_change_is_drawn_at_once()
    {
        _pacer.Invalidate();

        Assert.Equal(TimeSpan.Zero, _pacer.DueIn());
    }

    [Fact]
    public void Background_changes_right_after_a_frame_wait_for_the_interval()
    {
        _pacer.Invalidate();
        _pacer.Rendered();
        _clock.Advance(TimeSpan.FromMilliseconds(10));

        _pacer.Invalidate();
        _pacer.Invalidate();

        Assert.Equal(TimeSpan.FromMilliseconds(23), _pacer.DueIn());
        _clock.Advance(TimeSpan.FromMilliseconds(23));
        Assert.Equal(TimeSpan.Zero, _pacer.DueIn());
    }

    [Fact]
    public void A_key_is_drawn_at_once_even_right_after_a_frame()
    {
        _pacer.Invalidate();
        _pacer.Rendered();
        _pacer.Invalidate();

        _pacer.Invalidate(urgent: true);

        Assert.Equal(TimeSpan.Zero, _pacer.DueIn());
    }

    [Fact]
    public void Drawing_clears_what_was_pending()
    {
        _pacer.Invalidate(urgent: true);

        _pacer.Rendered();

        Assert.False(_pacer.Pending);
        Assert.Null(_pacer.DueIn());
    }

    [Fact]
    public void A_second_of_background_changes_every_millisecond_makes_about_thirty_frames()
    {
        var frames = 0;
        for (var ms = 0; ms < 1000; ms++)
        {
            _pacer.Invalidate();
            if (_pacer.DueIn() == TimeSpan.Zero)
            {
                frames++;
                _pacer.Rendered();
            }
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.InRange(frames, 29, 31);
    }
}
