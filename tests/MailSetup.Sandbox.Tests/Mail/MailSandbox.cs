using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Execution;
using MailSetup.Sandbox.Tests.Support;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>
/// A sandbox tenant with <c>imap-app,pop-app,smtp-app</c> applied for support@ through the real plan
/// runner, its mail servers on real sockets, client-credential tokens from its token endpoint, and
/// the product's own probes and diagnostician pointed at them.
/// </summary>
public sealed class MailSandbox : IAsyncDisposable
{
    public const string Support = PlanCases.Support;
    public const string ExchangeScope = "https://outlook.office365.com/.default";

    private MailSandbox(SandboxRun run, SandboxMailServers servers, TestClock clock, string appId, string appObjectId, string servicePrincipalId,
        string secret)
    {
        Run = run;
        Servers = servers;
        Clock = clock;
        AppId = appId;
        AppObjectId = appObjectId;
        ServicePrincipalId = servicePrincipalId;
        Secret = secret;
    }

    public SandboxRun Run { get; }
    public SandboxMailServers Servers { get; }
    public TestClock Clock { get; }
    public SandboxTenant Tenant => Run.Tenant;
    public string AppId { get; }
    public string AppObjectId { get; }
    public string ServicePrincipalId { get; }
    private string Secret { get; }

    public static Task<MailSandbox> StartAsync(string presets = "imap-app,pop-app,smtp-app") =>
        StartAsync(new SetupRequestInput { Presets = presets, AppName = "Contoso Mail", Mailboxes = [Support] });

    public static async Task<MailSandbox> StartAsync(SetupRequestInput input)
    {
        // Starts at real time so the servers' certificate and the tokens agree with every clock.
        var clock = new TestClock(DateTimeOffset.UtcNow);
        var run = new SandboxRun(mailboxes: 3, clock: clock);
        try
        {
            var result = await run.ApplyAsync(run.Plan(input));
            Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));
            var servers = await SandboxMailServers.StartAsync(run.Tenant);
            return new MailSandbox(run, servers, clock, result.Values[References.AppClientId.Name], result.Values[References.AppObjectId.Name],
                result.Values[References.ServicePrincipalId.Name], Assert.Single(run.Secrets));
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>A client-credentials token from the sandbox's token endpoint, as any client gets one.</summary>
    public async Task<string> TokenAsync(string scope = ExchangeScope)
    {
        using var client = Run.Host.CreateClient();
        using var answer = await client.PostAsync($"{Tenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = AppId,
            ["client_secret"] = Secret,
            ["scope"] = scope,
        }));
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(answer.IsSuccessStatusCode, body.ToString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>The same claims signed by a key the tenant never had.</summary>
    public static string Resigned(string token)
    {
        var parts = token.Split('.');
        using var key = RSA.Create(2048);
        var signature = key.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{parts[0]}.{parts[1]}.{System.Buffers.Text.Base64Url.EncodeToString(signature)}";
    }

    public MailConnectionOptions ClientOptions => new() { TrustedCertificates = [Servers.Certificate], ReadTimeout = TimeSpan.FromSeconds(30) };

    public async Task<MailProbeResult> ProbeAsync(MailProtocol protocol, string token, string mailbox = Support,
        SaslMechanismKind mechanism = SaslMechanismKind.XOAuth2)
    {
        var probe = MailProbe.For(protocol);
        var endpoint = Servers.Endpoint(protocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await probe.RunAsync(new MailProbeRequest
        {
            Host = endpoint.Host,
            Port = endpoint.Port,
            Tls = endpoint.Tls,
            Mailbox = mailbox,
            Token = token,
            Mechanism = mechanism,
            Options = ClientOptions,
        }, timeout.Token);
    }

    /// <summary>A raw SMTP session through STARTTLS and AUTH XOAUTH2 as the mailbox, asserting the login was accepted.</summary>
    public async Task<RawMailClient> SmtpLoggedInAsync(string token, string mailbox = Support)
    {
        var smtp = await RawMailClient.ConnectAsync(Servers.Host, Servers.SmtpPort, Servers.Certificate, implicitTls: false);
        await smtp.ReadUntilAsync(RawMailClient.SmtpFinal);
        await smtp.CommandAsync("EHLO client.example", RawMailClient.SmtpFinal);
        await smtp.CommandAsync("STARTTLS", RawMailClient.SmtpFinal);
        await smtp.StartTlsAsync();
        await smtp.CommandAsync("EHLO client.example", RawMailClient.SmtpFinal);
        Assert.Equal(["235 2.7.0 Authentication successful"],
            await smtp.CommandAsync("AUTH XOAUTH2 " + RawMailClient.XOAuth2(mailbox, token), RawMailClient.SmtpFinal));
        return smtp;
    }

    /// <summary>Every line the server sent in a probe, in order.</summary>
    public static IReadOnlyList<string> ServerLines(MailProbeResult result) =>
        result.Trace.Where(e => e.Direction == TraceDirection.Server).Select(e => e.Text).ToList();

    /// <summary>What the product's diagnostician says about a login, given the server's lines, the token and what is known of the setup.</summary>
    public IReadOnlyList<Finding> Diagnose(MailProtocol protocol, IReadOnlyList<string> serverLines, string? token, SetupState? setup = null,
        MailProbeResult? probe = null, string mailbox = Support) =>
        new Diagnostician().Diagnose(new DiagnosisFacts(
            Clock.GetUtcNow(),
            AppId: AppId,
            ServicePrincipalObjectId: ServicePrincipalId,
            AppObjectId: AppObjectId,
            Mailbox: mailbox,
            Tenant: Tenant.TenantId,
            Protocol: protocol,
            ServerAnswers: serverLines,
            Token: token is not null && JwtClaims.TryDecode(token, out var claims) ? claims : null,
            Setup: setup,
            Probe: probe));

    /// <summary>Removes the admin consent of one Exchange application permission (the next token lacks the role).</summary>
    public void RevokeRole(string role) => Tenant.Change(state =>
    {
        var exchange = state.ServicePrincipals.Single(sp => sp.AppId == ApiResource.ExchangeOnline.AppId);
        var roleId = exchange.AppRoles.Single(r => r.Value == role).Id;
        state.AppRoleAssignments.RemoveAll(a => a.ResourceId == exchange.Id && a.AppRoleId == roleId && a.PrincipalId == ServicePrincipalId);
    });

    /// <summary>The login decision the servers logged last.</summary>
    public MailLoginRecord LastLogin => Servers.Logins[^1];

    public async ValueTask DisposeAsync()
    {
        await Servers.DisposeAsync();
        await Run.DisposeAsync();
    }
}
