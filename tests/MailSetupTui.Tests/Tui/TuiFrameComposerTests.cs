using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.Terminal;
using MailSetupTui.Tui.View;
using static MailSetupTui.Tests.Tui.TuiTestStates;

namespace MailSetupTui.Tests.Tui;

/// <summary>The loop's frames: one reused buffer per size, and each frame the same as a fresh render of its state.</summary>
public sealed class TuiFrameComposerTests
{
    [Fact]
    public void Frames_reuse_one_buffer_until_the_size_changes_and_keep_nothing_of_the_previous_frame()
    {
        var composer = new TuiFrameComposer(TerminalOptions.Default);
        var trace = new TraceRing();
        var mailboxes = SignedIn(120, 40, Pane.Mailboxes);
        var tenant = SignedIn(120, 40, Pane.Tenant);

        var first = composer.Compose(mailboxes, trace, 120, 40);
        var firstText = first.PlainText();
        var second = composer.Compose(tenant, trace, 120, 40);

        Assert.Same(first, second);
        Assert.NotEqual(firstText, second.PlainText());
        Assert.Equal(Fresh(tenant, 120, 40), second.PlainText());

        var resized = composer.Compose(tenant, trace, 80, 24);
        Assert.NotSame(second, resized);
        Assert.Equal((80, 24), (resized.Width, resized.Height));
        Assert.Equal(Fresh(tenant, 80, 24), resized.PlainText());
    }

    private static string Fresh(TuiState state, int width, int height) =>
        FrameText.Buffer(TuiView.Render(state with { Width = width, Height = height }, new TuiTheme()), width, height).PlainText();
}
