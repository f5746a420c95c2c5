using MailSetup.App.Workspaces;
using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup diagnose imap|pop|smtp|all</c>: tries the XOAUTH2/OAUTHBEARER login with a given token,
/// streams the redacted conversation, then explains it. This class only declares and checks the
/// command line; <see cref="DiagnoseRunner"/> does the work.
/// </summary>
internal sealed class DiagnoseCommand : CliCommand<DiagnoseSettings>
{
    private static readonly Dictionary<string, TlsMode> TlsModes =
        new() { ["implicit"] = TlsMode.Implicit, ["starttls"] = TlsMode.StartTls, ["none"] = TlsMode.None };
    private static readonly Dictionary<string, SaslMechanismKind> Mechanisms =
        new() { ["xoauth2"] = SaslMechanismKind.XOAuth2, ["oauthbearer"] = SaslMechanismKind.OAuthBearer };

    /// <summary>A PEM bundle of a few certificates is a few KB; a whole system store about 250 KB.</summary>
    private const int MaxPemBytes = 1024 * 1024;

    private readonly ToolServices _services;
    private readonly DiagnoseRunner _runner;

    private readonly Argument<string> _protocol = new("PROTOCOL") { Description = "imap, pop, smtp, or all three one after the other." };
    private readonly Option<string> _mailbox =
        new("--mailbox") { Description = "The mailbox to log in as (user= of XOAUTH2).", HelpName = "address" };
    private readonly Option<string> _host =
        new("--host") { Description = "The server (default: the cloud's Exchange host; smtp.* for SMTP).", HelpName = "host" };
    private readonly Option<int?> _port =
        new("--port") { Description = "The port (default: IMAP 993, POP 995, SMTP 587; 143/110/465 when --tls asks for it). Not with 'all'.",
            HelpName = "port" };
    private readonly Option<string> _tls =
        new("--tls") { Description = "How the connection is secured (default: implicit for IMAP and POP, starttls for SMTP).",
            HelpName = "implicit|starttls|none" };
    private readonly Option<string> _mech = new("--mech") { Description = "SASL mechanism (default xoauth2).", HelpName = "xoauth2|oauthbearer" };
    private readonly Option<string> _tokenFile =
        new(
            "--token-file") { Description =
                "File holding the access token, or - for stdin (instead of getting one with --tenant/--client-id/--auth or --sandbox).",
                HelpName = "file|-" };
    private readonly MailCredentialOptions _credential = new();
    private readonly Option<string> _mailFrom =
        new(
            "--mail-from") { Description =
                "SMTP: after the login, also try MAIL FROM this address (default: the mailbox, when --rcpt-to is given); " +
                "another address needs SendAs.", HelpName = "address" };
    private readonly Option<string[]> _rcptTo =
        new(
            "--rcpt-to") { Description =
                "SMTP: after the login, also try RCPT TO this address (repeatable); without --send-test the envelope is abandoned (RSET) " +
                "and nothing is sent.", HelpName = "address", AllowMultipleArgumentsPerToken = false };
    private readonly Option<bool> _sendTest = new("--send-test") { Description = "SMTP: send a short test message to the --rcpt-to addresses." };
    private readonly Option<string> _cloud = CommonOptions.Cloud("The mailbox's cloud, for default hosts");
    private readonly Option<string> _trustCert =
        new("--trust-cert") { Description = "PEM file of certificates to trust for this run (a test server's self-signed one).", HelpName = "pem" };
    private readonly Option<string> _traceOut =
        new("--trace-out")
        {
            Description = "Also write the redacted trace to this new file (JSON when it ends in .json, else text).",
            HelpName = "file",
        };
    private readonly Option<bool> _force =
        new(OutputFile.ForceOption)
        {
            Description = "Let --trace-out replace an existing file or symbolic link (the link itself, never its target).",
        };
    private readonly FormatOption _format =
        new(["text", "json"], "Output format: text (live trace, then findings) or json (one object at the end). Default text.");

    public DiagnoseCommand(ToolServices services)
        : base("diagnose", "Try the OAuth2 login to IMAP, POP or SMTP with the mail app's token (given, or got here by its own flow), "
            + "stream the conversation with secrets hidden, and explain a failure. Exit 0 when every login works, 1 when one fails, 2 on bad input.")
    {
        _services = services;
        _runner = new DiagnoseRunner(services);
        Add(
            [_protocol, _mailbox, _host, _port, _tls, _mech, _tokenFile, .. _credential.All, _mailFrom, _rcptTo, _sendTest, _cloud, _trustCert,
                _traceOut, _force, _format.Option]);
    }

    protected override Task<DiagnoseSettings?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken) =>
        Task.FromResult(Check(result, errors));

    protected override Task<int> RunAsync(DiagnoseSettings settings, CliOutput io, CancellationToken cancellationToken) =>
        _runner.RunAsync(settings, io, cancellationToken);

    private DiagnoseSettings? Check(ParseResult result, List<CliError> errors)
    {
        var protocolWord = LoginInputs.Protocol(result, _protocol, errors);
        var mailbox = LoginInputs.Mailbox(result, _mailbox, "the mailbox to log in as", errors);

        var port = result.ValueOrDefault(_port);
        if (port is < 1 or > 65535) errors.Add(new(_port.Name, $"{port} is not a port; expected 1 to 65535."));
        if (port is not null
            && protocolWord == "all") errors.Add(new(_port.Name, "cannot be one port for all protocols; diagnose them one at a time."));

        var tls = Pick(result, _tls, TlsModes, errors);
        var mechanism = Pick(result, _mech, Mechanisms, errors) ?? SaslMechanismKind.XOAuth2;
        var json = _format.Read(result, errors) == "json";

        var cloud = CommonOptions.ReadCloud(result, _cloud, errors) ?? CloudCatalog.Global;

        var tokenFile = result.ValueOrDefault(_tokenFile);
        MailCredential? credential = null;
        if (tokenFile is not null && MailCredential.Given(result, _credential))
            errors.Add(
                new(_tokenFile.Name, "give a token file or the options to get a token (--sandbox, --tenant, --client-id, --auth...), not both."));
        else if (tokenFile is not null && string.IsNullOrWhiteSpace(tokenFile))
            errors.Add(new(_tokenFile.Name, "is empty; expected a file name or - for stdin."));
        else if (tokenFile is not null && tokenFile != TokenInput.Stdin
            && InputFile.PathProblem(tokenFile, "a file holding the token, or - for stdin")
            is { } tokenFileProblem)
            errors.Add(new(_tokenFile.Name, tokenFileProblem));
        else if (tokenFile is null)
        {
            if (!MailCredential.Given(result, _credential))
                errors.Add(
                    new(_tokenFile.Name + "/--tenant/--sandbox",
                        "say where the token comes from: --token-file F, --tenant T --client-id C [--auth ...], or --sandbox."));
            else
                credential = MailCredential.Read(result, _credential, mailbox, _services.Environment, _services.Passwords, errors);
        }
        if (credential?.Sandbox == true)
        {
            foreach (var option in new Option[] { _host, _port, _tls, _trustCert, _cloud })
                if (result.GetResult(option) is { Implicit: false })
                    errors.Add(new(option.Name, "does not go with --sandbox: the sandbox's own servers, certificate and cloud are used."));
        }

        var host = result.ValueOrDefault(_host)?.Trim();
        if (host is not null && HostName.ServerProblem(host) is { } hostProblem)
            errors.Add(new(_host.Name, $"{InputFile.Shown(host)} {hostProblem}; expected a server's host name (imap.example.com) or IP address."));

        var trusted = TrustedCertificates(result.ValueOrDefault(_trustCert), errors);
        var traceOut = result.ValueOrDefault(_traceOut);
        var force = result.ValueOrDefault(_force);
        if (traceOut is not null && OutputFile.Problem(traceOut, force) is { } traceProblem) errors.Add(new(_traceOut.Name, traceProblem));
        else if (traceOut is null && force) errors.Add(new(_force.Name, "goes with --trace-out: it lets the trace replace an existing file."));

        var envelope = Envelope(result, mailbox, protocolWord, errors);
        if (errors.Count > 0 || protocolWord is null) return null;
        var targets = DiagnoseSettings.ProtocolsOf(protocolWord)
            .Select(p => MailTarget.For(p, cloud, string.IsNullOrEmpty(host) ? null : host, port, tls)).ToList();
        return new DiagnoseSettings(targets, mailbox!, mechanism, tokenFile, credential, cloud, trusted, traceOut, json)
            { Envelope = envelope, ForceTraceOut = force };
    }

    /// <summary>The optional SMTP envelope check: only for SMTP, addresses that can go on the wire.</summary>
    private SmtpEnvelope? Envelope(ParseResult result, string? mailbox, string? protocol, List<CliError> errors)
    {
        var from = result.ValueOrDefault(_mailFrom)?.Trim();
        var to = result.ValueOrDefault(_rcptTo) ?? [];
        var send = result.ValueOrDefault(_sendTest);
        if (from is null && to.Length == 0 && !send) return null;
        if (protocol is not ("smtp" or "all")) errors.Add(new(_rcptTo.Name, "--mail-from, --rcpt-to and --send-test go with smtp (or all)."));
        if (to.Length == 0) errors.Add(new(_rcptTo.Name, "is required with --mail-from or --send-test: who the envelope is for."));
        foreach (var address in (string?[])[from, .. to])
            if (address is not null && (!address.Contains('@', StringComparison.Ordinal) || address.AsSpan().IndexOfAny("\r\n<> ") >= 0))
                errors.Add(new(address == from ? _mailFrom.Name : _rcptTo.Name, $"'{address}' is not a mail address."));
        return errors.Count > 0 || mailbox is null
            ? null
            : new SmtpEnvelope { MailFrom = from ?? mailbox, RcptTo = to.Select(t => t.Trim()).ToList(), SendTestMessage = send };
    }

    private static X509Certificate2Collection TrustedCertificates(string? path, List<CliError> errors)
    {
        if (path is null) return [];
        const string expected = "a PEM file of certificates";
        var (text, problem) = InputFile.ReadText(path, MaxPemBytes, expected);
        if (text is null)
        {
            errors.Add(new("--trust-cert", problem!));
            return [];
        }
        try
        {
            var certificates = MailConnectionOptions.TrustPem(path);
            if (certificates.Count == 0) errors.Add(new("--trust-cert", $"{InputFile.Shown(path)} holds no PEM certificate."));
            return certificates;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            errors.Add(new("--trust-cert", $"{InputFile.Shown(path)}: {FileProblem.Reason(path, e)}; expected {expected}."));
            return [];
        }
    }

    private static T? Pick<T>(ParseResult result, Option<string> option, IReadOnlyDictionary<string, T> choices,
        List<CliError> errors) where T : struct
    {
        var given = result.ValueOrDefault(option);
        if (given is null) return null;
        if (choices.TryGetValue(given.Trim().ToLowerInvariant(), out var value)) return value;
        errors.Add(new(option.Name, $"unknown value '{given}'; expected one of {string.Join(", ", choices.Keys)}."));
        return null;
    }
}
