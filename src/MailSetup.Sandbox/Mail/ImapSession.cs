using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// IMAP4rev1 as Exchange Online shows it to a client logging in with OAuth: AUTHENTICATE XOAUTH2 or
/// OAUTHBEARER (SASL-IR or continuation), LOGIN refused, an empty INBOX and its usual siblings after
/// login. A login whose mailbox is out of reach answers OK and then BAD to every command, and a
/// session whose token expires is ended with BYE AccessTokenExpired, as Exchange does.
/// </summary>
internal sealed partial class ImapSession(MailLineChannel channel, MailServerContext context) : MailSession(channel, context)
{
    private static readonly string[] Folders = ["INBOX", "Archive", "Deleted Items", "Drafts", "Junk Email", "Sent Items"];
    private const string Flags = @"(\Seen \Answered \Flagged \Deleted \Draft $MDNSent)";

    private MailLoginDecision? _login;
    private string? _selected;

    public override string ClosingLine => "* BYE Connection is closed. 13";

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(ExchangeMailTexts.ImapGreeting, cancellationToken).ConfigureAwait(false);
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // Exchange ends a session once its token has expired, at the next command.
            if (_login?.ExpiresOn is { } expires && Context.Now >= expires)
            {
                await WriteAsync(ExchangeMailTexts.ImapTokenExpired, cancellationToken).ConfigureAwait(false);
                return;
            }
            var match = Command().Match(line);
            if (!match.Success)
            {
                await WriteAsync("* " + ExchangeMailTexts.ImapUnknownCommand, cancellationToken).ConfigureAwait(false);
                if (TooManyErrors()) return;
                continue;
            }
            var tag = match.Groups["tag"].Value;
            var name = match.Groups["name"].Value.ToUpperInvariant();
            var arguments = match.Groups["args"].Value;
            if (!await CountingErrorsAsync(() => HandleAsync(tag, name, arguments, cancellationToken)).ConfigureAwait(false)) return;
        }
    }

    /// <summary>Answers one command; false when the session is over.</summary>
    private async Task<bool> HandleAsync(string tag, string name, string arguments, CancellationToken cancellationToken)
    {
        if (name == "LOGOUT")
        {
            await Channel.WriteLinesAsync(["* BYE Microsoft Exchange Server IMAP4 server signing off.", $"{tag} OK LOGOUT completed."],
                cancellationToken).ConfigureAwait(false);
            return false;
        }
        // Logged in but not connected: everything but LOGOUT gets Exchange's BAD (LOGOUT still lets a client leave cleanly).
        if (_login is { Outcome: MailLoginOutcome.NotConnected })
        {
            await WriteAsync($"{tag} {ExchangeMailTexts.ImapNotConnected}", cancellationToken).ConfigureAwait(false);
            return !TooManyErrors();
        }
        switch (name)
        {
            case "CAPABILITY":
                await Channel.WriteLinesAsync([$"* CAPABILITY {ExchangeMailTexts.ImapCapabilities}", $"{tag} OK CAPABILITY completed."],
                    cancellationToken).ConfigureAwait(false);
                return true;
            case "NOOP":
                await WriteAsync($"{tag} OK NOOP completed.", cancellationToken).ConfigureAwait(false);
                return true;
            case "ID":
                await Channel.WriteLinesAsync(["* ID NIL", $"{tag} OK ID completed."], cancellationToken).ConfigureAwait(false);
                return true;
        }

        if (_login is null) return await BeforeLoginAsync(tag, name, arguments, cancellationToken).ConfigureAwait(false);
        return await AfterLoginAsync(tag, name, arguments, cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> BeforeLoginAsync(string tag, string name, string arguments, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "AUTHENTICATE":
                return await AuthenticateAsync(tag, arguments, cancellationToken).ConfigureAwait(false);
            case "LOGIN":
                // Basic authentication is off in Exchange Online; the password is neither logged nor kept.
                Context.Gate.RecordBasicAuth(MailProtocol.Imap, "LOGIN", FirstWord(arguments));
                await WriteAsync($"{tag} {ExchangeMailTexts.ImapLoginFailed}", cancellationToken).ConfigureAwait(false);
                return !TooManyErrors();
            case "STARTTLS":
                await WriteAsync($"{tag} BAD Command received in Invalid state.", cancellationToken).ConfigureAwait(false);
                return !TooManyErrors();
            default:
                await WriteAsync($"{tag} {(IsKnown(name) ? ExchangeMailTexts.ImapInvalidState : ExchangeMailTexts.ImapUnknownCommand)}",
                    cancellationToken).ConfigureAwait(false);
                return !TooManyErrors();
        }
    }

    private async Task<bool> AuthenticateAsync(string tag, string arguments, CancellationToken cancellationToken)
    {
        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = words.Length > 0 ? words[0].ToUpperInvariant() : "";
        var initial = words.Length > 1 ? words[1] : null;
        if (mechanism == "PLAIN")
        {
            if (initial is null)
            {
                await WriteAsync("+ ", cancellationToken).ConfigureAwait(false);
                if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is null) return false;
            }
            Context.Gate.RecordBasicAuth(MailProtocol.Imap, "PLAIN", null);
            await WriteAsync($"{tag} {ExchangeMailTexts.ImapAuthenticateFailed}", cancellationToken).ConfigureAwait(false);
            return !TooManyErrors();
        }
        if (!SaslLogin.IsBearerMechanism(mechanism))
        {
            await WriteAsync($"{tag} {ExchangeMailTexts.ImapArgumentError}", cancellationToken).ConfigureAwait(false);
            return !TooManyErrors();
        }

        var decision =
            await SaslConversation.RunAsync(Channel, Context, MailProtocol.Imap, mechanism, initial, "+ ", cancellationToken).ConfigureAwait(false);
        if (decision is null)
        {
            await WriteAsync($"{tag} BAD AUTHENTICATE aborted.", cancellationToken).ConfigureAwait(false);
            return !TooManyErrors();
        }
        if (!decision.LoggedIn)
        {
            await WriteAsync($"{tag} {ExchangeMailTexts.ImapAuthenticateFailed}", cancellationToken).ConfigureAwait(false);
            return !TooManyErrors();
        }
        _login = decision;
        await WriteAsync($"{tag} {ExchangeMailTexts.ImapAuthenticated}", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> AfterLoginAsync(string tag, string name, string arguments, CancellationToken cancellationToken)
    {
        var uid = false;
        if (name == "UID")
        {
            uid = true;
            var split = arguments.IndexOf(' ');
            name = (split < 0 ? arguments : arguments[..split]).ToUpperInvariant();
            arguments = split < 0 ? "" : arguments[(split + 1)..];
        }
        string[] reply = (name, uid) switch
        {
            ("LIST" or "LSUB", false) => [.. List(name, arguments), $"{tag} OK {name} completed."],
            ("NAMESPACE", false) => ["* NAMESPACE ((\"\" \"/\")) NIL NIL", $"{tag} OK NAMESPACE completed."],
            ("SELECT" or "EXAMINE", false) => Select(tag, name, arguments),
            ("STATUS", false) => Status(tag, arguments),
            ("CHECK" or "EXPUNGE", false) or ("SEARCH" or "FETCH" or "STORE" or "COPY" or "MOVE" or "EXPUNGE", true) when _selected is not null =>
                [.. name == "SEARCH" ? ["* SEARCH"] : Array.Empty<string>(), $"{tag} OK {(uid ? "UID " : "")}{name} completed."],
            ("SEARCH" or "FETCH" or "STORE" or "COPY" or "MOVE", false) when _selected is not null =>
                [.. name == "SEARCH" ? ["* SEARCH"] : Array.Empty<string>(), $"{tag} OK {name} completed."],
            ("CLOSE" or "UNSELECT", false) when _selected is not null => Unselect(tag, name),
            ("SUBSCRIBE" or "UNSUBSCRIBE" or "ENABLE", false) => [$"{tag} OK {name} completed."],
            ("IDLE", false) => [],
            _ => [$"{tag} {(IsKnown(name) ? ExchangeMailTexts.ImapInvalidState : ExchangeMailTexts.ImapUnknownCommand)}"],
        };
        if (name == "IDLE" && !uid) return await IdleAsync(tag, cancellationToken).ConfigureAwait(false);
        await Channel.WriteLinesAsync(reply, cancellationToken).ConfigureAwait(false);
        return !reply[^1].Contains(" BAD ", StringComparison.Ordinal) || !TooManyErrors();
    }

    private static IEnumerable<string> List(string name, string arguments)
    {
        var words = Arguments(arguments);
        var pattern = words.Count > 1 ? words[0] + words[1] : "*";
        if (words.Count > 1 && words[1].Length == 0)
            return [$"* {name} (\\Noselect \\HasChildren) \"/\" \"\""]; // RFC 3501: the hierarchy delimiter
        var regex =
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("%", "[^/]*") + "$", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return Folders.Where(f => regex.IsMatch(f)).Select(f => $"* {name} (\\HasNoChildren{Special(f)}) \"/\" {Quote(f)}");
    }

    private string[] Select(string tag, string name, string arguments)
    {
        var folder = FindFolder(arguments);
        if (folder is null)
        {
            _selected = null;
            return [$"{tag} NO {name} failed; the mailbox does not exist."];
        }
        _selected = folder;
        var access = name == "SELECT" ? "READ-WRITE" : "READ-ONLY";
        return
        [
            "* 0 EXISTS",
            "* 0 RECENT",
            $"* FLAGS {Flags}",
            $"* OK [PERMANENTFLAGS {Flags}] Permanent flags",
            "* OK [UIDVALIDITY 14] UIDVALIDITY value",
            "* OK [UIDNEXT 1] The next unique identifier value",
            $"{tag} OK [{access}] {name} completed.",
        ];
    }

    private static string[] Status(string tag, string arguments)
    {
        var folder = FindFolder(arguments);
        return folder is null
            ? [$"{tag} NO STATUS failed; the mailbox does not exist."]
            : [$"* STATUS {Quote(folder)} (MESSAGES 0 RECENT 0 UIDNEXT 1 UIDVALIDITY 14 UNSEEN 0)", $"{tag} OK STATUS completed."];
    }

    private string[] Unselect(string tag, string name)
    {
        _selected = null;
        return [$"{tag} OK {name} completed."];
    }

    /// <summary>IDLE: nothing ever arrives, so wait for DONE (the idle timeout still applies).</summary>
    private async Task<bool> IdleAsync(string tag, CancellationToken cancellationToken)
    {
        await WriteAsync("+ IDLE accepted, awaiting DONE command.", cancellationToken).ConfigureAwait(false);
        var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (line is null) return false;
        await WriteAsync(
            line.Trim().Equals("DONE", StringComparison.OrdinalIgnoreCase) ? $"{tag} OK IDLE completed." : $"{tag} BAD Command Argument Error. 11",
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private static string? FindFolder(string arguments)
    {
        var words = Arguments(arguments);
        if (words.Count == 0) return null;
        return Folders.FirstOrDefault(f => f.Equals(words[0], f == "INBOX" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
    }

    /// <summary>Atoms and quoted strings; literals are not supported (nothing here needs them).</summary>
    private static List<string> Arguments(string text)
    {
        var words = new List<string>();
        foreach (Match m in Argument().Matches(text))
            words.Add(m.Groups["q"].Success ? m.Groups["q"].Value.Replace("\\\"", "\"").Replace("\\\\", "\\") : m.Groups["a"].Value);
        return words;
    }

    private static string Special(string folder) => folder switch
    {
        "Sent Items" => " \\Sent",
        "Drafts" => " \\Drafts",
        "Deleted Items" => " \\Trash",
        "Junk Email" => " \\Junk",
        "Archive" => " \\Archive",
        _ => "",
    };

    private static string Quote(string folder) => folder.Contains(' ') ? $"\"{folder}\"" : folder;

    private static string? FirstWord(string text) => text.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('"');

    private static bool IsKnown(string name) => name is "AUTHENTICATE" or "LOGIN" or "LIST" or "LSUB" or "SELECT" or "EXAMINE" or "STATUS"
        or "NAMESPACE" or "CHECK" or "CLOSE" or "UNSELECT" or "EXPUNGE" or "SEARCH" or "FETCH" or "STORE" or "COPY" or "MOVE" or "UID"
        or "SUBSCRIBE" or "UNSUBSCRIBE" or "IDLE" or "ENABLE" or "CREATE" or "DELETE" or "RENAME" or "APPEND" or "STARTTLS";

    [GeneratedRegex(@"^(?<tag>[A-Za-z0-9.\-_]{1,64}) (?<name>[A-Za-z]{1,32})(?: (?<args>.*))?$")]
    private static partial Regex Command();

    [GeneratedRegex("\"(?<q>(?:[^\"\\\\]|\\\\.)*)\"|(?<a>[^\\s\"()]+)")]
    private static partial Regex Argument();
}
