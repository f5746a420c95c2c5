using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Tracing;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Input;

namespace MailSetupTui.Tests.Tui;

/// <summary>States to start update and frame tests from, and a way to feed them messages as the loop would.</summary>
public static class TuiTestStates
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    public static IReadOnlyList<MailboxRow> Mailboxes(int users = 50) =>
    [
        new("archive@contoso.onmicrosoft.com", "Archive", true, ImapEnabled: false),
        new("noreply@contoso.onmicrosoft.com", "No Reply", true),
        new("sales@contoso.onmicrosoft.com", "Sales", true),
        new("support@contoso.onmicrosoft.com", "Support", true),
        .. Enumerable.Range(1, users).Select(i => new MailboxRow($"user{i:D4}@contoso.onmicrosoft.com", $"User {i}", false)),
    ];

    /// <summary>The sandbox UI after sign-in and the directory reads, focused on <paramref name="focus"/>.</summary>
    public static TuiState SignedIn(int width = 120, int height = 40, Pane focus = Pane.Tenant, int users = 50)
    {
        var state = TuiState.Initial(width, height, true, CloudCatalog.Global, Now);
        state = Feed(state,
            new SignedInMsg("8f2b1c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "contoso.onmicrosoft.com", "admin@contoso.onmicrosoft.com",
                ["Global Administrator"]),
            new AppsLoadedMsg(
                [new ExistingApp("170e9431-6456-41f0-88f8-1aaae866beaf", "94ec3d2b-42ab-4dc4-bd02-fa71a19de23d", "Legacy Relay",
                    [("old secret", Now.AddDays(12))])]),
            new MailboxesLoadedMsg(Mailboxes(users)));
        return state with { Focus = focus };
    }

    public static TuiState Feed(TuiState state, params Msg[] messages) => Run(state, messages).State;

    /// <summary>As the loop feeds them: trace lines go into <paramref name="trace"/>, beside the state.</summary>
    public static TuiState Feed(TuiState state, TraceRing trace, params Msg[] messages) => Run(state, trace, messages).State;

    public static (TuiState State, List<Effect> Effects) Run(TuiState state, params Msg[] messages) => Run(state, null, messages);

    public static (TuiState State, List<Effect> Effects) Run(TuiState state, TraceRing? trace, params Msg[] messages)
    {
        var effects = new List<Effect>();
        foreach (var message in messages)
        {
            var (next, produced) = trace is null ? TuiUpdate.Update(state, message) : TuiUpdate.Update(state, message, trace);
            state = next;
            effects.AddRange(produced);
        }
        return (state, effects);
    }

    /// <summary>A mail event as the UI's trace sink posts it.</summary>
    public static TraceMsg Trace(MailProtocol protocol, TraceDirection direction, TraceStage stage, int milliseconds, string text) =>
        new(TraceLine.Mail(protocol, new TraceEvent(0, stage, direction, TimeSpan.FromMilliseconds(milliseconds), text)));

    public static KeyMsg Key(char c) => new(KeyPress.Of(c));
    public static KeyMsg Key(KeyName name) => new(KeyPress.Of(name));
    public static Msg[] Type(string text) => text.Select(c => (Msg)Key(c)).ToArray();
}
