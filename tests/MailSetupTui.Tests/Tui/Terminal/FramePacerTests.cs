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
    public void NothingChangedNothingToDraw() => Assert.Null(_pacer.DueIn());

    [Fact]
    public void TheFirstChangeIsDrawnAtOnce()
    {
        _pacer.Invalidate();

        Assert.Equal(TimeSpan.Zero, _pacer.DueIn());
    }

    [Fact]
    public void BackgroundChangesRightAfterAFrameWaitForTheInterval()
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
    public void AKeyIsDrawnAtOnceEvenRightAfterAFrame()
    {
        _pacer.Invalidate();
        _pacer.Rendered();
        _pacer.Invalidate();

        _pacer.Invalidate(urgent: true);

        Assert.Equal(TimeSpan.Zero, _pacer.DueIn());
    }

    [Fact]
    public void DrawingClearsWhatWasPending()
    {
        _pacer.Invalidate(urgent: true);

        _pacer.Rendered();

        Assert.False(_pacer.Pending);
        Assert.Null(_pacer.DueIn());
    }

    [Fact]
    public void ASecondOfBackgroundChangesEveryMillisecondMakesAboutThirtyFrames()
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
