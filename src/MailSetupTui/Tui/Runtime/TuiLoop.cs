using System.Threading.Channels;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// The one loop: messages from the terminal and from background work are applied in order through
/// <see cref="TuiUpdate"/>, effects are handed to the <see cref="EffectRunner"/>, and frames are drawn
/// at once after a key and at most ~30 a second for background bursts (<see cref="FramePacer"/>).
/// The loop owns the trace ring: trace lines go into it, the state only counts them, and each frame
/// reads it beside the state.
/// </summary>
internal sealed class TuiLoop(TuiState initial, TerminalOptions terminal, TimeProvider clock)
{
    private readonly Channel<Msg> _messages = Channel.CreateUnbounded<Msg>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TuiFrameComposer _frames = new(terminal);
    private readonly TraceRing _trace = new();

    /// <summary>Queues a message from any thread.</summary>
    public void Post(Msg msg) => _messages.Writer.TryWrite(msg);

    /// <summary>Runs until the state says quit; the caller owns the terminal session and the runner.</summary>
    public async Task<TuiState> RunAsync(ITerminalScreen session, Action<Effect> run, IReadOnlyList<Effect> start,
        CancellationToken cancellationToken)
    {
        using var writer = new FrameWriter(session.Output) { DetectScroll = true };
        var pacer = new FramePacer(clock);
        var state = initial with { Width = session.Width, Height = session.Height };

        Present(writer, state, session);
        pacer.Rendered();
        foreach (var effect in start) run(effect);

        while (!state.Quit)
        {
            if (pacer.DueIn() is { } due && due <= TimeSpan.Zero)
            {
                Present(writer, state, session);
                pacer.Rendered();
                continue;
            }
            if (await NextAsync(pacer.DueIn(), cancellationToken) is not { } msg) continue;
            do
            {
                if (msg is ResizeMsg) writer.Invalidate();
                var (next, effects) = TuiUpdate.Update(state, msg, _trace);
                state = next;
                foreach (var effect in effects) run(effect);
                pacer.Invalidate(urgent: msg is KeyMsg or ResizeMsg);
            }
            while (!state.Quit && _messages.Reader.TryRead(out msg));
        }
        return state;
    }

    /// <summary>The next message, or null when <paramref name="wait"/> passes first (a frame is due).</summary>
    private async Task<Msg?> NextAsync(TimeSpan? wait, CancellationToken cancellationToken)
    {
        if (wait is null) return await _messages.Reader.ReadAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait.Value);
        try
        {
            return await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void Present(FrameWriter writer, TuiState state, ITerminalScreen session) =>
        writer.Present(_frames.Compose(state, _trace, session.Width, session.Height));
}
