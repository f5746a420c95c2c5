using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using MailSetup.Core;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Cli;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary><c>mailsetup sandbox reset</c> and <c>serve</c>, in-process with the state file in a temporary folder.</summary>
public sealed class SandboxCommandTests
{
    /// <summary>The test services with the state folder the store is in.</summary>
    private static ServiceProvider Services(SandboxStateStore store) =>
        TestServices.Collection(Path.GetDirectoryName(store.Path)!).BuildServiceProvider();

    private static async Task<CliResult> RunAsync(SandboxStateStore store, params string[] args)
    {
        await using var services = Services(store);
        return await CliRunner.RunAsync(ToolServices.From(services), args);
    }

    [Fact]
    public async Task Reset_deletes_the_saved_tenant_and_says_so()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("state/sandbox-tenant.json"));
        SandboxTenant.LoadOrSeed(store, TestClock.Default);

        var deleted = await RunAsync(store, "sandbox", "reset");
        var again = await RunAsync(store, "sandbox", "reset");

        Assert.Equal(0, deleted.ExitCode);
        Assert.False(File.Exists(store.Path));
        // The old tenant is kept beside it, owner-only, and named in the output.
        var backup = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(store.Path)!, "sandbox-tenant.json.*.bak"));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        Assert.Equal($"Reset the sandbox tenant at {store.Path} (the old one is kept as {backup}); the next sandbox run seeds a new one.\n",
            deleted.Stdout);
        Assert.Equal(0, again.ExitCode);
        Assert.StartsWith($"No sandbox tenant at {store.Path}; nothing to delete.", again.Stdout);
        Assert.Empty(again.Stderr);
    }

    [Theory]
    [InlineData("--port-base", "http", "'http' is not a port number; give 1 to 65535.")]
    [InlineData("--port-base", "70000", "'70000' is not a port number; give 1 to 65535.")]
    [InlineData("--mailboxes", "-1", "'-1' is not a number of mailboxes; give 0 to 10000.")]
    [InlineData("--mailboxes", "10001", "'10001' is not a number of mailboxes; give 0 to 10000.")]
    public async Task Serve_refuses_bad_numbers_with_exit_two(string option, string value, string message)
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("sandbox-tenant.json"));

        var result = await RunAsync(store, "sandbox", "serve", option, value);

        CliAssert.UsageError(result, option, message, command: "mailsetup sandbox serve");
        Assert.False(File.Exists(store.Path));
    }

    [Fact]
    public async Task Sandbox_without_a_subcommand_is_a_usage_error()
    {
        using var folder = new TempFolder();
        var result = await RunAsync(new SandboxStateStore(folder.File("s.json")), "sandbox");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("Run 'mailsetup sandbox --help' for usage.", result.ErrorLines[^1]);
    }

    [Fact]
    public async Task Serve_prints_one_JSON_object_and_answers_until_stopped()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("sandbox-tenant.json"));
        await using var services = Services(store);
        var output = new LineSignallingWriter();
        using var error = new StringWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var run =
            new CliApp(ToolServices.From(services), output, TextWriter.Synchronized(error)).InvokeAsync(["sandbox", "serve", "--mailboxes", "3"],
                stop.Token);
        var line = await output.FirstLine.WaitAsync(TimeSpan.FromSeconds(60));
        var json = JsonNode.Parse(line)!.AsObject();

        var tenantId = json["tenantId"]!.GetValue<string>();
        Assert.Equal(TenantSeed.Domain, json["domain"]!.GetValue<string>());
        Assert.Equal(json["baseAddress"]!.GetValue<string>() + "/v1.0", json["graphBaseUrl"]!.GetValue<string>());
        Assert.EndsWith($"/{tenantId}/oauth2/v2.0/token", json["tokenEndpoint"]!.GetValue<string>());
        Assert.EndsWith($"/adminapi/beta/{tenantId}/InvokeCommand", json["exchangeAdminApiUrl"]!.GetValue<string>());
        Assert.Equal(TenantSeed.AdminAddress, json["credentials"]!["username"]!.GetValue<string>());
        Assert.Equal(TenantSeed.SandboxPassword, json["credentials"]!["password"]!.GetValue<string>());

        // A client that trusts exactly the printed certificate reaches Graph.
        using var certificate = X509Certificate2.CreateFromPem(json["certificatePem"]!.GetValue<string>());
        using var http = new HttpClient(new SocketsHttpHandler
        {
            SslOptions =
                { RemoteCertificateValidationCallback =
                    (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(certificate.RawData) },
        });
        // ... and is refused without a token the sandbox signed (SandboxServeAuthTests has the rest).
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "any");
        using (var refused = await http.GetAsync(json["graphBaseUrl"]!.GetValue<string>() + "/users?$select=mail"))
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(8, SandboxTenant.LoadOrSeed(store, TestClock.Default).Read(s => s.Users.Count)); // admin, 3 people, 4 shared mailboxes

        // The mail servers: ports, TLS modes, and a 0644 PEM of their certificate next to the state file.
        var mail = json["mail"]!.AsObject();
        Assert.Equal(("127.0.0.1", "implicit"), (mail["imap"]!["host"]!.GetValue<string>(), mail["imap"]!["tls"]!.GetValue<string>()));
        Assert.Equal("implicit", mail["pop"]!["tls"]!.GetValue<string>());
        Assert.Equal("starttls", mail["smtp"]!["tls"]!.GetValue<string>());
        var pemFile = mail["certificateFile"]!.GetValue<string>();
        Assert.Equal(folder.File("sandbox-mail.pem"), pemFile);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                File.GetUnixFileMode(pemFile));
        using var mailCertificate = X509Certificate2.CreateFromPem(File.ReadAllText(pemFile));
        Assert.Equal(mail["certificateSha256"]!.GetValue<string>(),
            mailCertificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256));
        var imapPort = mail["imap"]!["port"]!.GetValue<int>();
        Assert.Equal($"imaps://127.0.0.1:{imapPort}/", mail["imap"]!["url"]!.GetValue<string>());
        using (var tcp = new System.Net.Sockets.TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", imapPort);
            await using var tls =
                new System.Net.Security.SslStream(tcp.GetStream(), false,
                    (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(mailCertificate.RawData));
            await tls.AuthenticateAsClientAsync("127.0.0.1");
            using var reader = new StreamReader(tls);
            Assert.Equal("* OK The Microsoft Exchange IMAP4 service is ready.", await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        }
        Assert.Contains($"mailsetup: mail servers on 127.0.0.1: IMAP {imapPort} (TLS)", error.ToString());

        await stop.CancelAsync();
        Assert.Equal(0, await run);
        Assert.Equal(line + "\n", output.ToString().ReplaceLineEndings("\n"));
        Assert.True(File.Exists(store.Path));
        Assert.Contains("mailsetup: sandbox stopped.", error.ToString());
    }

    /// <summary>Collects output and signals the first complete line, for a command that keeps running.</summary>
    internal sealed class LineSignallingWriter : StringWriter
    {
        private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> FirstLine => _firstLine.Task;

        public override void Write(char value)
        {
            lock (this)
            {
                base.Write(value);
                var text = ToString();
                var end = text.IndexOf('\n', StringComparison.Ordinal);
                if (end >= 0) _firstLine.TrySetResult(text[..end].TrimEnd('\r'));
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? "") Write(c);
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync(string? value)
        {
            Write(value + NewLine);
            return Task.CompletedTask;
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
