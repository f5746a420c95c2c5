using System.Diagnostics;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary>
/// Every command against malformed input, from one table: each case exits 2 with a
/// <c>mailsetup: error: SUBJECT: ...</c> line naming the bad value, only error lines and the usage hint
/// on stderr, nothing on stdout, no stack trace, and no file made, changed or removed (the state folder
/// and the folder of input files are the same before and after). Placeholders: {d} is a folder of input
/// files (tok, existing.txt, binary.bin, empty.txt, adir/, dangling and existing symbolic links),
/// {long} a 100 KB value, {esc} an ESC, {bel} a BEL.
/// </summary>
public sealed class BadInputSweepTests : IDisposable
{
    private const string Long = "{long}";
    private const string LongShown = "(100000 characters)";
    private const string App = "00000000-0000-0000-0000-0000000000a1";

    private readonly TempFolder _files = new();
    private readonly TempFolder _state = new();

    public BadInputSweepTests()
    {
        _files.Write("tok", "x.y.z");
        _files.Write("existing.txt", "keep me\n");
        _files.Write("empty.txt", "");
        _files.Write("journal.jsonl", "{\"key\":\"app\",\"outcome\":\"Changed\"}\n");
        File.WriteAllBytes(_files.File("binary.bin"), [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 256))]);
        Directory.CreateDirectory(_files.File("adir"));
        File.CreateSymbolicLink(_files.File("dangling"), _files.File("nowhere"));
        File.CreateSymbolicLink(_files.File("link"), _files.File("existing.txt"));
    }

    public void Dispose()
    {
        _files.Dispose();
        _state.Dispose();
    }

    private static readonly string[] Plan = ["plan", "--preset", "imap-app", "--app-name", "Mail", "--mailbox", "a@contoso.com"];
    private static readonly string[] Delegated = ["plan", "--preset", "delegated-mail", "--app-name", "Mail"];
    private static readonly string[] Apply = ["apply", "--preset", "imap-app", "--app-name", "Mail", "--mailbox", "a@contoso.com", "--yes"];
    private static readonly string[] Rollback = ["rollback", "--journal", "{d}/journal.jsonl", "--yes"];
    private static readonly string[] DiagnoseToken = ["diagnose", "imap", "--mailbox", "a@contoso.com", "--token-file", "{d}/tok"];
    private static readonly string[] DiagnoseTenant =
        ["diagnose", "imap", "--mailbox", "a@contoso.com", "--tenant", "contoso.com", "--client-id", App, "--secret-file", "{d}/tok"];
    private static readonly string[] Preflight = ["preflight", "imap", "--mailbox", "a@contoso.com", "--sandbox"];
    private static readonly string[] PreflightTenant = ["preflight", "imap", "--mailbox", "a@contoso.com", "--tenant", "contoso.com",
        "--client-id", App];
    private static readonly string[] Inspect = ["token", "inspect", "{d}/tok"];
    private static readonly string[] CertificateSignIn = ["--tenant", "contoso.com", "--auth", "certificate", "--client-id", App];

    /// <summary>One bad input: what the error is about, a piece of its message naming the value, and the command line.</summary>
    public sealed record Case(string Subject, string Fragment, string[] Args)
    {
        public override string ToString() => string.Join(' ', Args.Select(a => a.Length > 40 ? a[..40] + "…" : a)).Replace("\u001b", "\\e");
    }

    private static Case C(string subject, string fragment, params string[] args) => new(subject, fragment, args);

    private static IEnumerable<Case> Each(string subject, string[] command, string option, params (string Value, string Fragment)[] values) =>
        values.Select(v => C(subject, v.Fragment, [.. command, option, v.Value]));

    /// <summary>Values no path option takes: empty, blank, 100 KB, a name over 255 bytes.</summary>
    private static (string, string)[] BadPaths =>
        [("", "'' is empty"), ("   ", "is empty"), (Long, LongShown), ("{d}/" + new string('n', 300), "longer than 255 bytes")];

    /// <summary>Files that are not what an input option reads: a folder, a device that never ends, a missing file.</summary>
    private static (string, string)[] BadInputFiles =>
        [("{d}/adir", "'{d}/adir': is a directory"), ("/dev/zero", "'/dev/zero' is larger than"), ("{d}/missing", "'{d}/missing': no such file")];

    /// <summary>Values that are not a tenant: empty, control characters, a path, an address, 100 KB, a bare word, an IP.</summary>
    private static (string, string)[] BadTenants =>
        [("", "'' is not a tenant"), ("con{esc}toso.com", "not a tenant (it holds a control character)"),
            ("contoso{bel}.com", "holds a control character"), ("a/b", "'a/b' is not a tenant"), ("admin@contoso.com", "'admin@contoso.com'"),
            (Long, LongShown), ("contoso", "'contoso' is not a tenant"), ("10.0.0.1", "'10.0.0.1' is not a tenant"), ("con toso.com",
                "holds a space")];

    /// <summary>Values that are not host names.</summary>
    private static (string, string)[] BadHosts =>
        [("", "'' is empty"), ("a b.com", "holds a space"), ("https://x.com", "is a URL"), ("x.com:993", "has a port"), ("-x-.com",
            "is not a DNS name"),
            ("x{esc}[31m.com", "holds a control character"), (Long, LongShown), ("mail", "has no domain"), ("a..b.com", "is not a DNS name"),
            ("x_y.com", "is not a DNS name")];

    public static TheoryData<Case> Cases()
    {
        var data = new TheoryData<Case>();
        foreach (var c in AllCases()) data.Add(c);
        return data;
    }

    private static List<Case> AllCases()
    {
        var cases = new List<Case>
        {
            // Commands with a required argument given nothing: an abort (SIGABRT) before.
            C("PROTOCOL", "is missing; expected imap, pop, smtp", "diagnose"),
            C("PROTOCOL", "is missing; expected imap, pop, smtp", "preflight"),
            C("FILE", "is missing; expected the file holding the access token", "token", "inspect"),
            C("PROTOCOL", "is missing", "diagnose", "--mailbox", "a@contoso.com", "--token-file", "{d}/tok"),
            C("PROTOCOL", "is missing", "preflight", "--mailbox", "a@contoso.com", "--sandbox"),
            C("PROTOCOL", "unknown protocol ''", "diagnose", "", "--mailbox", "a@contoso.com", "--token-file", "{d}/tok"),
            C("PROTOCOL", @"unknown protocol 'imap\x1B'", "diagnose", "imap{esc}", "--mailbox", "a@contoso.com", "--token-file", "{d}/tok"),
            C("PROTOCOL", "unknown protocol 'imaps'", "preflight", "imaps", "--mailbox", "a@contoso.com", "--sandbox"),
            C("bogus", "unknown command", "token", "bogus"),
            C("bogus", "unknown command", "bogus"),
            C("--bogus", "unknown option", "--bogus"),
            C("bogus", "unknown command", "sandbox", "bogus"),
            C("bogus", "unexpected argument", "presets", "bogus"),
            C("--force", "unknown option for 'reset'", "sandbox", "reset", "--force"),
        };

        // diagnose: the token file, the trace file, the trusted certificates, the host, the mailbox, the values of choice.
        cases.AddRange(Each("--token-file", ["diagnose", "imap", "--mailbox", "a@contoso.com"], "--token-file",
            [("", "is empty"), (Long, LongShown), ("{d}/" + new string('n', 300), "longer than 255 bytes")]));
        cases.AddRange(Each("--token-file {d}/adir", DiagnoseToken[..^2], "--token-file", ("{d}/adir", "is a directory")));
        cases.AddRange(Each("--token-file /dev/zero", DiagnoseToken[..^2], "--token-file", ("/dev/zero", "'/dev/zero' is larger than")));
        cases.AddRange(Each("--token-file {d}/binary.bin", DiagnoseToken[..^2], "--token-file", ("{d}/binary.bin", "is not a text file")));
        cases.AddRange(Each("--token-file {d}/empty.txt", DiagnoseToken[..^2], "--token-file", ("{d}/empty.txt", "is empty")));
        cases.AddRange(Each("--trace-out", DiagnoseToken, "--trace-out", BadPaths));
        cases.AddRange(Each("--trace-out", DiagnoseToken, "--trace-out",
            ("{d}/existing.txt", "'{d}/existing.txt' exists already"), ("{d}/dangling", "'{d}/dangling' is a symbolic link"),
            ("{d}/link", "'{d}/link' is a symbolic link"), ("{d}/adir", "'{d}/adir' is a directory"),
            ("{d}/missing/trace.txt", "folder '{d}/missing' does not exist"), ("/proc/self/x", "cannot write '/proc/self/x'")));
        cases.Add(C("--force", "goes with --trace-out", [.. DiagnoseToken, "--force"]));
        cases.AddRange(Each("--trust-cert", DiagnoseToken, "--trust-cert",
            [.. BadPaths, .. BadInputFiles, ("{d}/binary.bin", "'{d}/binary.bin' is not a text file"), ("{d}/existing.txt",
                "holds no PEM certificate")]));
        cases.AddRange(Each("--host", DiagnoseToken, "--host", BadHosts));
        cases.AddRange(Each("--mailbox", ["diagnose", "imap", "--token-file", "{d}/tok"], "--mailbox",
            ("", "is required"), ("a{esc}@contoso.com", "holds a space or a control character"), ("nobody", "'nobody' is not a mail address"),
            ("a b@contoso.com", "holds a space"), (Long, LongShown), ("<a@contoso.com>", "without < >"), ("a@", "expected name@domain")));
        cases.AddRange(Each("--port", DiagnoseToken, "--port", ("0", "0 is not a port"), ("70000", "70000 is not a port"), ("-1",
            "-1 is not a port")));
        cases.AddRange(Each("--tls", DiagnoseToken, "--tls", ("", "unknown value ''"), ("tls", "unknown value 'tls'")));
        cases.AddRange(Each("--mech", DiagnoseToken, "--mech", ("", "unknown value ''"), ("plain", "unknown value 'plain'")));
        cases.AddRange(Each("--cloud", DiagnoseToken, "--cloud", ("", "unknown cloud ''"), ("mars", "unknown cloud 'mars'")));
        cases.AddRange(Each("--format", DiagnoseToken, "--format", ("", "unknown format ''"), ("xml", "unknown format 'xml'")));
        cases.AddRange(Each("--rcpt-to", ["diagnose", "smtp", "--mailbox", "a@contoso.com", "--token-file", "{d}/tok"], "--rcpt-to",
            ("nobody", "'nobody' is not a mail address"), ("a@b.com RSET", "'a@b.com RSET' is not a mail address")));
        cases.AddRange(Each("--tenant", DiagnoseTenant[..4], "--tenant", BadTenants).Select(c => c with { Args = [.. c.Args, "--client-id", App] }));
        cases.AddRange(Each("--client-id", DiagnoseTenant[..6], "--client-id", ("", "'' is not a client id"), ("nope", "'nope' is not a client id"),
            (Long, LongShown)));
        cases.AddRange(Each("--secret-file", DiagnoseTenant[..8], "--secret-file",
            [.. BadPaths, .. BadInputFiles, ("{d}/binary.bin", "is not a text file"), ("{d}/empty.txt", "'{d}/empty.txt' is empty")]));
        cases.AddRange(Each("--certificate-path", [.. DiagnoseTenant[..8], "--auth", "certificate"], "--certificate-path",
            [.. BadPaths, .. BadInputFiles, ("{d}/binary.bin", "'{d}/binary.bin' is not usable"), ("{d}/existing.txt",
                "'{d}/existing.txt' is not usable"),
                ("{d}/empty.txt", "'{d}/empty.txt' is empty")]));
        cases.AddRange(Each("--auth", DiagnoseTenant, "--auth", ("", "unknown flow ''"), ("password", "unknown flow 'password'")));
        cases.AddRange(Each("--user", [.. DiagnoseTenant[..8], "--auth", "device"], "--user",
            ("", "'' is not a sign-in name"), ("nobody", "'nobody' is not a sign-in name"), ("a{esc}@contoso.com", "is not a sign-in name")));

        // preflight: the same inputs, checked before any sign-in.
        cases.AddRange(Each("--tenant", PreflightTenant[..4], "--tenant", BadTenants).Select(c => c with { Args = [.. c.Args, "--client-id", App] }));
        cases.AddRange(Each("--secret-file", PreflightTenant, "--secret-file", [.. BadPaths, .. BadInputFiles]));
        cases.AddRange(Each("--certificate-path", [.. PreflightTenant, "--auth", "certificate"], "--certificate-path",
            ("{d}/binary.bin", "is not usable"), ("/dev/zero", "is larger than"), ("", "'' is empty")));
        cases.AddRange(Each("--mailbox", ["preflight", "imap", "--sandbox"], "--mailbox", ("", "is required"), ("x{esc}@y.com",
            "control character")));
        cases.AddRange(Each("--cloud", Preflight, "--cloud", ("", "unknown cloud ''")));
        cases.AddRange(Each("--format", Preflight, "--format", ("", "unknown format ''"), ("yaml", "unknown format 'yaml'")));
        cases.AddRange(Each("--client-id", Preflight, "--client-id", ("", "'' is not a client id"), ("nope", "'nope' is not a client id")));

        // token inspect
        cases.AddRange(BadPaths.Select(p => C("FILE", p.Item2, "token", "inspect", p.Item1)));
        cases.AddRange(BadInputFiles.Select(p => C(p.Item1, p.Item2.Replace($"'{p.Item1}': ", "").Replace($"'{p.Item1}' ", ""), "token",
            "inspect", p.Item1)));
        cases.Add(C("{d}/binary.bin", "is not a text file", "token", "inspect", "{d}/binary.bin"));
        cases.Add(C("{d}/empty.txt", "is empty", "token", "inspect", "{d}/empty.txt"));
        cases.Add(C("{d}/tok", "is not a JWT", "token", "inspect", "{d}/tok"));
        cases.AddRange(Each("--protocol", Inspect, "--protocol", ("", "unknown protocol ''"), ("imap4", "unknown protocol 'imap4'")));
        cases.AddRange(Each("--format", Inspect, "--format", ("", "unknown format ''")));
        cases.AddRange(Each("--cloud", Inspect, "--cloud", ("", "unknown cloud ''")));
        cases.AddRange(Each("--tenant", Inspect, "--tenant", ("", "'' is not a tenant id"), ("contoso.com", "'contoso.com' is not a tenant id"),
            ("{esc}", "is not a tenant id")));

        // plan: files, output, hosts and the core's own checks.
        cases.AddRange(Each("--mailboxes-file", Plan, "--mailboxes-file",
            [("", "is empty"), (Long, LongShown), .. BadInputFiles, ("{d}/binary.bin", "'{d}/binary.bin' is not a text file")]));
        cases.AddRange(Each("--output", Plan, "--output",
            [.. BadPaths, ("{d}/existing.txt", "'{d}/existing.txt' exists already"), ("{d}/dangling", "'{d}/dangling' is a symbolic link"),
                ("{d}/link", "'{d}/link' is a symbolic link"), ("{d}/adir", "'{d}/adir' is a directory"),
                ("{d}/missing/plan.txt", "folder '{d}/missing' does not exist")]));
        cases.Add(C("--force", "goes with --output", [.. Plan, "--force"]));
        foreach (var host in new[] { "--login-host", "--graph-host", "--exchange-host", "--smtp-host" })
            cases.AddRange(Each(host, Plan, host, ("", "'' is empty"), ("{esc}x.com", "holds a control character"), ("1.2.3.4", "is an IP address"),
                (Long, LongShown)));
        cases.AddRange(Each("--app-name", ["plan", "--preset", "imap-app", "--mailbox", "a@contoso.com"], "--app-name",
            ("", "is empty"), (Long, "characters")));
        cases.AddRange(Each("--preset", ["plan", "--app-name", "Mail", "--mailbox", "a@contoso.com"], "--preset", ("", "--preset"), ("imap",
            "'imap'")));
        cases.AddRange(Each("--mailbox", ["plan", "--preset", "imap-app", "--app-name", "Mail"], "--mailbox", ("", "--mailbox"), ("nobody",
            "'nobody'")));
        cases.AddRange(Each("--app-id", ["plan", "--preset", "imap-app", "--mailbox", "a@contoso.com"], "--app-id", ("", "--app-id"), ("nope",
            "'nope'")));
        cases.AddRange(Each("--secret-days", Plan, "--secret-days", ("", "--secret-days"), ("99999999999999999999", "99999999999999999999"),
            ("0", "'0'")));
        cases.AddRange(Each("--cloud", Plan, "--cloud", ("", "''"), ("mars", "'mars'")));
        cases.AddRange(Each("--delegated-flow", Delegated, "--delegated-flow", ("", "'' is not a sign-in flow"),
            ("browser", "'browser' is not a sign-in flow")));
        cases.AddRange(Each("--delegated-flow", Plan, "--delegated-flow", ("password", "goes with a preset that has delegated permissions")));
        cases.Add(C("--delegated-flow/--preset", "imap-app sign(s) in as the app", "plan", "--preset", "imap-app,delegated-mail",
            "--app-name", "Mail"));
        cases.Add(C("--certificate/--delegated-flow", "holds no secret or certificate", [.. Delegated, "--certificate"]));
        cases.Add(C("--secret-days/--delegated-flow", "holds no secret or certificate", [.. Delegated, "--secret-days", "30"]));
        cases.AddRange(Each("--format", Plan, "--format", ("", "unknown format ''")));
        cases.AddRange(Each("--scope", Plan, "--scope", ("", "''"), ("all", "'all'")));

        // apply: every input checked before the sandbox is even opened.
        cases.AddRange(Each("--secret-out", Apply, "--secret-out", [.. BadPaths, ("{d}/existing.txt", "'{d}/existing.txt' exists already")]));
        cases.AddRange(Each("--journal", Apply, "--journal",
            [.. BadPaths, ("{d}/adir", "'{d}/adir' is a folder"), ("/dev/zero", "'/dev/zero' is larger than"),
                ("{d}/binary.bin", "'{d}/binary.bin' is not a text file"), ("{d}/existing.txt", "'{d}/existing.txt' is not a journal"),
                ("{d}/missing/j.jsonl", "folder '{d}/missing' does not exist")]));
        cases.AddRange(Each("--tenant", Apply, "--tenant", BadTenants));
        cases.AddRange(Each("--auth", [.. Apply, "--tenant", "contoso.com"], "--auth", ("", "unknown sign-in ''"), ("magic",
            "unknown sign-in 'magic'")));
        cases.AddRange(Each("--client-id", [.. Apply, "--tenant", "contoso.com"], "--client-id", ("", "'' is not a client id")));
        cases.AddRange(Each("--certificate-path", [.. Apply, .. CertificateSignIn], "--certificate-path",
            [.. BadPaths, .. BadInputFiles, ("{d}/binary.bin", "'{d}/binary.bin' is not usable"), ("{d}/empty.txt", "is empty")]));
        cases.AddRange(Each("--mailboxes-file", Apply, "--mailboxes-file", ("/dev/zero", "'/dev/zero' is larger than"), ("", "is empty")));
        cases.AddRange(Each("--graph-host", Apply, "--graph-host", ("", "'' is empty")));
        cases.AddRange(Each("--format", Apply, "--format", ("", "unknown format ''")));

        // rollback
        cases.AddRange(Each("--journal", ["rollback", "--yes"], "--journal",
            [.. BadPaths, ("{d}/adir", "is a folder"), ("/dev/zero", "is larger than"), ("{d}/binary.bin", "is not a text file"),
                ("{d}/existing.txt", "is not a journal"), ("{d}/empty.txt", "'{d}/empty.txt' is empty"), ("{d}/missing",
                    "'{d}/missing' does not exist")]));
        cases.AddRange(Each("--tenant", Rollback, "--tenant", BadTenants));
        cases.AddRange(Each("--certificate-path", [.. Rollback, .. CertificateSignIn], "--certificate-path",
            ("{d}/binary.bin", "is not usable"), ("/dev/zero", "is larger than")));
        cases.AddRange(Each("--cloud", Rollback, "--cloud", ("", "unknown cloud ''")));

        // presets, sandbox and the terminal UI's own options.
        cases.AddRange(Each("--format", ["presets"], "--format", ("", "unknown format ''"), ("xml", "unknown format 'xml'")));
        cases.AddRange(Each("--port-base", ["sandbox", "serve"], "--port-base",
            ("", "'' is not a port number"), ("0", "'0' is not a port number"), ("70000", "'70000'"), ("{esc}", "is not a port number"), ("-1",
                "'-1'")));
        cases.AddRange(Each("--mailboxes", ["sandbox", "serve"], "--mailboxes",
            ("", "'' is not a number of mailboxes"), ("-1", "'-1'"), ("many", "'many'")));
        cases.AddRange(Each("--approval-secret-file", ["sandbox", "serve"], "--approval-secret-file", [.. BadPaths, .. BadInputFiles,
            ("{d}/empty.txt", "'{d}/empty.txt' is not usable"), ("{d}/binary.bin", "is not a text file")]));
        cases.AddRange(Each("--tenant", [], "--tenant", BadTenants));
        cases.AddRange(Each("--cloud", [], "--cloud", ("", "unknown cloud ''"), ("mars", "unknown cloud 'mars'")));
        cases.Add(C("--sandbox/--tenant", "give --sandbox or --tenant, not both", "--sandbox", "--tenant", "contoso.com"));

        return cases;
    }

    [Fact]
    public void The_sweep_has_over_150_cases_over_every_command()
    {
        var cases = AllCases();
        Assert.True(cases.Count >= 150, $"{cases.Count} cases");
        string[] commands = ["plan", "apply", "rollback", "diagnose", "preflight", "presets", "token", "sandbox"];
        Assert.All(commands, command => Assert.Contains(cases, c => c.Args.FirstOrDefault() == command));
        Assert.Contains(cases, c => c.Args.FirstOrDefault() is "--tenant" or "--cloud");
        Assert.Contains(cases, c => c.Args is ["sandbox", "serve", ..]);
        Assert.Contains(cases, c => c.Args is ["sandbox", "reset", ..]);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_input_exits_2_naming_the_value_with_nothing_changed(Case bad)
    {
        var args = bad.Args.Select(Fill).ToArray();
        var before = Snapshot();

        var result = await CliRunner.RunAsync(services => services.AddSingleton(new MailSetup.App.StateFolders(_state.Path)), args);

        Assert.True(result.ExitCode == 2, $"expected exit 2\n{result}");
        Assert.True(result.Stdout.Length == 0, $"expected nothing on stdout\n{result}");
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.DoesNotContain("Unhandled exception", result.Stderr);
        var lines = result.ErrorLines;
        Assert.Matches(@"^Run 'mailsetup( [a-z]+)* --help' for usage\.$", lines[^1]);
        Assert.All(lines.SkipLast(1), l => Assert.StartsWith("mailsetup: error: ", l));
        var prefix = $"mailsetup: error: {Fill(bad.Subject)}: ";
        var fragment = Fill(bad.Fragment);
        Assert.True(lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(fragment, StringComparison.Ordinal)),
            $"expected a line starting '{prefix}' containing '{fragment}'\n{result}");
        Assert.Equal(before, Snapshot());
    }

    private string Fill(string value) => value
        .Replace(Long, new string('a', 100_000), StringComparison.Ordinal)
        .Replace("{d}", _files.Path, StringComparison.Ordinal)
        .Replace("{esc}", "\u001b", StringComparison.Ordinal)
        .Replace("{bel}", "\u0007", StringComparison.Ordinal);

    /// <summary>Every entry of the state folder and the input files' folder: path, kind, size, time, link target, content hash.</summary>
    private string Snapshot()
    {
        var entries = new List<string>();
        foreach (var root in new[] { _state.Path, _files.Path })
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories).OrderBy(e => e.FullName))
        {
            var content = entry is FileInfo { LinkTarget: null } file ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
                File.ReadAllBytes(file.FullName))) : "";
            entries.Add($"{entry.FullName} {entry.GetType().Name} {entry.LinkTarget} {entry.LastWriteTimeUtc:O} {content}");
        }
        return string.Join('\n', entries);
    }
}

/// <summary>The inputs that aborted the process (SIGABRT, exit 134) before: checked on the real program, where an abort shows.</summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed class BadInputProgramTests
{
    [Theory]
    [InlineData("diagnose")]
    [InlineData("preflight")]
    [InlineData("token", "inspect")]
    public async Task A_command_without_its_argument_exits_2_in_the_real_program(params string[] args)
    {
        using var state = new TempFolder();
        var start = BuiltProgram.StartInfo(args);
        start.Environment["XDG_STATE_HOME"] = state.Path;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}\n{await stderr}");
        Assert.Equal("", await stdout);
        Assert.DoesNotContain("Unhandled exception", await stderr);
        Assert.DoesNotContain("   at ", await stderr);
        Assert.StartsWith("mailsetup: error: ", await stderr);
        Assert.Contains(": is missing; expected ", await stderr);
        Assert.Empty(Directory.EnumerateFileSystemEntries(state.Path));
    }
}
