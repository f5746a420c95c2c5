using System.CommandLine;
using System.Net;
using System.Runtime.InteropServices;
using MailSetup.App;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup sandbox serve</c>: runs the saved sandbox tenant on 127.0.0.1 (or <c>--listen</c>) over HTTPS
/// for other clients, with its Exchange-like IMAP, POP and SMTP servers, prints one JSON object with its
/// endpoints, certificates and credentials on stdout, and serves until Ctrl+C or SIGTERM. Graph and the
/// Exchange admin API take only tokens the sandbox signed, for them, with a permission that allows the
/// call; device codes are approved over HTTP only with the approval secret in the JSON.
/// </summary>
internal sealed class SandboxServeCommand : CliCommand<SandboxServeCommand.Input>
{
    private readonly StateFolders _folders;
    private readonly TimeProvider _clock;

    private readonly Option<string?> _portBase = new("--port-base")
    {
        Description = "HTTPS port of the sandbox on 127.0.0.1 (default: a free port).",
        HelpName = "port",
    };

    private readonly Option<string?> _listen = new("--listen")
    {
        Description = "IP address the HTTPS and mail servers listen on (default 127.0.0.1). Any other than loopback opens them to the network.",
        HelpName = "address",
    };

    private readonly Option<string?> _mailboxes = new("--mailboxes")
    {
        Description =
            $"User mailboxes in a newly seeded tenant, 0 to {TenantSeedOptions.MaxUserMailboxes} (default 50). A saved tenant keeps its own.",
        HelpName = "count",
    };

    private readonly Option<string?> _approvalSecretFile = new("--approval-secret-file")
    {
        Description =
            "Take the device-code approval secret from the first line of this file (at least 16 characters) instead of making a new one " +
            "at every start; a file, so the secret never shows in the process list.",
        HelpName = "file",
    };

    public SandboxServeCommand(StateFolders folders, TimeProvider clock)
        : base("serve", "Serve the sandbox tenant over HTTPS on 127.0.0.1 and print its endpoints and credentials as JSON.")
    {
        _folders = folders;
        _clock = clock;
        Add(_portBase, _listen, _mailboxes, _approvalSecretFile);
    }

    internal sealed record Input(int? Port, int? Mailboxes, IPAddress Listen, string? ApprovalSecret);

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var port = Number(result, _portBase, 1, 65535, "a port number", errors);
        var mailboxes = Number(result, _mailboxes, 0, TenantSeedOptions.MaxUserMailboxes, "a number of mailboxes", errors);
        var listen = Address(result, errors);
        var approvalSecret = ApprovalSecret(result, errors);
        return Task.FromResult<Input?>(new Input(port, mailboxes, listen, approvalSecret));
    }

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var (output, error, port, mailboxes, listen) = (io.Output, io.Error, input.Port, input.Mailboxes, input.Listen);

        var store = _folders.SandboxStore;
        var saved = File.Exists(store.Path);
        SandboxTenant tenant;
        try
        {
            tenant = SandboxTenant.LoadOrSeed(store, _clock, new TenantSeedOptions { UserMailboxes = mailboxes ?? 50 });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return await ErrorReport.FailureAsync(error, new("sandbox serve", $"cannot load the sandbox tenant from '{store.Path}': {e.Message}"));
        }

        if (!IPAddress.IsLoopback(listen))
            await error.WriteLineAsync(
                $"mailsetup: warning: --listen {listen} is not loopback: other machines that reach this address can use the sandbox's " +
                "HTTPS and mail ports. Its tokens and approval secret guard them; they are the sandbox's alone, never a real tenant's.");

        SandboxHost host;
        try
        {
            // Over sockets the APIs judge tokens as inside the process: signed by this tenant, for the API, with the permission.
            host = await SandboxHost.StartAsync(tenant, new SandboxHostOptions
            {
                PortBase = port,
                ListenAddress = listen,
                DeviceApprovalSecret = input.ApprovalSecret,
                ConfigureServices = services => services.AddSandboxTokenValidation(),
            }, cancellationToken);
        }
        // Kestrel's "failed to bind" (address in use, no permission), or a socket error (an address not on this machine)
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            var option = port is null ? _listen.Name : _portBase.Name;
            return await ErrorReport.FailureAsync(error, new(option, $"cannot listen on {Endpoint(listen, port)}: {e.Message}"));
        }

        await using (host)
        {
            SandboxMailServers mail;
            try
            {
                mail = await SandboxMailServers.StartAsync(tenant, new SandboxMailOptions { ListenAddress = listen }, cancellationToken);
            }
            catch (System.Net.Sockets.SocketException e)
            {
                return await ErrorReport.FailureAsync(error, new("sandbox serve", $"cannot start the mail servers on {listen}: {e.Message}"));
            }
            await using (mail)
            {
                var pem = WriteCertificatePem(mail, _folders);
                await output.WriteLineAsync(SandboxServeReport.Json(host, store, mail, pem));
                await output.FlushAsync(cancellationToken);
                if (saved && mailboxes is not null)
                    await error.WriteLineAsync(
                        $"mailsetup: note: --mailboxes applies to a newly seeded tenant; the saved one at {store.Path} is kept (run 'mailsetup " +
                        $"sandbox reset' to seed anew).");
                // The approval secret stays in the JSON on stdout: never on stderr, in a log or a file.
                await error.WriteLineAsync($"mailsetup: sandbox tenant {tenant.DefaultDomain} serving at {host.BaseAddress}; press Ctrl+C to stop.");
                await error.WriteLineAsync(SandboxServeReport.MailText(mail, pem));
                await UntilStoppedAsync(cancellationToken);
            }
        }
        await error.WriteLineAsync("mailsetup: sandbox stopped.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// Writes the mail servers' certificate (public, so 0644) where the state folders keep it, for curl's
    /// --cacert or a mail client's trust store; a temporary folder when the state folder is not writable.
    /// </summary>
    private static string WriteCertificatePem(SandboxMailServers mail, StateFolders folders)
    {
        const UnixFileMode readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        var file = folders.SandboxMailCertificate;
        foreach (var path in new[] { file, Path.Combine(Path.GetTempPath(), Path.GetFileName(file)) })
        {
            try
            {
                File.WriteAllText(path, mail.CertificatePem);
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, readable);
                return path;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        throw new IOException("cannot write the mail servers' certificate to the state folder or the temporary folder");
    }

    /// <summary>
    /// Waits for Ctrl+C or SIGTERM (or the caller's cancellation). The signals are taken here so the
    /// host is stopped and disposed in order and the command exits 0; the tenant was saved after
    /// every change anyway.
    /// </summary>
    private static async Task UntilStoppedAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>The --listen address: an IP address (never a host name, which could resolve anywhere); loopback when not given.</summary>
    private IPAddress Address(ParseResult result, List<CliError> errors)
    {
        var text = result.GetValue(_listen);
        if (text is null) return IPAddress.Loopback;
        if (text.Length > 0 && text.All(c => char.IsAsciiHexDigit(c) || c is '.' or ':') && IPAddress.TryParse(text, out var address)
            && (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3))
            return address;
        errors.Add(new(_listen.Name, $"'{text}' is not an IP address; give one such as 127.0.0.1 (the default), ::1 or 0.0.0.0."));
        return IPAddress.Loopback;
    }

    /// <summary>The approval secret from --approval-secret-file's first line: printable, no spaces, long enough to be unguessable.</summary>
    private string? ApprovalSecret(ParseResult result, List<CliError> errors)
    {
        const string expected = "a file with the approval secret (16 to 256 printable characters, no spaces) on its first line";
        if (result.GetValue(_approvalSecretFile) is not { } path) return null;
        var (text, problem) = InputFile.PathProblem(path, expected) is { } pathProblem
            ? (null, pathProblem)
            : InputFile.ReadText(path, 4096, expected);
        var secret = text?.Split('\n')[0].TrimEnd('\r');
        if (secret is { Length: >= DeviceApprovalSecrets.MinimumLength and <= 256 } && secret.All(c => c is > ' ' and < '\u007f'))
            return secret;
        // The line itself is never quoted: it is meant to be a secret.
        errors.Add(new(_approvalSecretFile.Name, problem ?? $"the first line of {InputFile.Shown(path)} is not usable; expected {expected}."));
        return null;
    }

    private static string Endpoint(IPAddress address, int? port) =>
        port is { } given ? new IPEndPoint(address, given).ToString() : address.ToString();

    /// <summary>An optional whole number within bounds; anything else is reported in the CLI's words.</summary>
    private static int? Number(ParseResult result, Option<string?> option, int min, int max, string what, List<CliError> errors)
    {
        var text = result.GetValue(option);
        if (text is null) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
            return value;
        errors.Add(new(option.Name, $"'{text}' is not {what}; give {min} to {max}."));
        return null;
    }
}
