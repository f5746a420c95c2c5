using System.Net.Http.Json;
using System.Text.Json;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>Delegated (user) tokens: the scope decides the protocol, and user= must be the user or a mailbox the user has FullAccess on.</summary>
public sealed class DelegatedMailLoginTests
{
    private const string User = "adele.vance@contoso.onmicrosoft.com";
    private const string Support = MailSandbox.Support;

    [Fact]
    public async Task A_user_opens_their_own_mailbox_and_a_shared_one_only_with_FullAccess()
    {
        await using var setup = await Setup.StartAsync("IMAP.AccessAsUser.All SMTP.Send");
        var token = await setup.TokenAsync("https://outlook.office.com/IMAP.AccessAsUser.All https://outlook.office.com/SMTP.Send");

        Assert.Equal("A2 OK AUTHENTICATE completed.", (await setup.ProbeAsync(MailProtocol.Imap, token, User)).FinalAnswer);
        Assert.Equal(MailLoginOutcome.Accepted, setup.Servers.Logins[^1].Outcome);

        var shared = await setup.ProbeAsync(MailProtocol.Imap, token, Support);
        Assert.Contains("A3 BAD User is authenticated but not connected.", MailSandbox.ServerLines(shared));
        Assert.Contains($"{User} is not {Support}", setup.Servers.Logins[^1].Reason);

        setup.Tenant.Change(
            s => s.Exchange.MailboxPermissions.Add(new ExchangeMailboxPermission { Identity = Support, User = User, AccessRights = ["FullAccess"] }));
        var granted = await setup.ProbeAsync(MailProtocol.Imap, token, Support);
        Assert.DoesNotContain(MailSandbox.ServerLines(granted), l => l.Contains(" BAD ", StringComparison.Ordinal));

        setup.Tenant.Change(s => s.Exchange.SmtpClientAuthenticationDisabled = false);
        Assert.Equal("235 2.7.0 Authentication successful", (await setup.ProbeAsync(MailProtocol.Smtp, token, User)).FinalAnswer);
    }

    [Fact]
    public async Task A_delegated_token_without_the_pop_scope_fails_pop()
    {
        await using var setup = await Setup.StartAsync("IMAP.AccessAsUser.All");
        var token = await setup.TokenAsync("https://outlook.office.com/IMAP.AccessAsUser.All");

        var pop = await setup.ProbeAsync(MailProtocol.Pop, token, User);

        Assert.Equal("-ERR Authentication failure: unknown user name or bad password.", pop.FinalAnswer);
        Assert.Contains("no POP.AccessAsUser.All scope", setup.Servers.Logins[^1].Reason);
    }

    /// <summary>A public client with delegated consent, a user signing in with a password (ROPC), and the mail servers.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private readonly SandboxHost _host;
        private readonly TenantSetup.App _app;

        private Setup(SandboxHost host, TenantSetup.App app, SandboxMailServers servers)
        {
            _host = host;
            _app = app;
            Servers = servers;
        }

        public SandboxMailServers Servers { get; }
        public SandboxTenant Tenant => _host.Tenant;

        public static async Task<Setup> StartAsync(string scopes)
        {
            var tenant = Sandboxes.Tenant(TimeProvider.System, mailboxes: 3);
            var app = TenantSetup.AddApp(tenant, "Mail Client", publicClient: true);
            TenantSetup.GrantDelegated(tenant, app, ApiResource.ExchangeOnline, scopes);
            return new Setup(Sandboxes.InMemory(tenant), app, await SandboxMailServers.StartAsync(tenant));
        }

        public async Task<string> TokenAsync(string scope)
        {
            using var client = _host.CreateClient();
            using var answer = await client.PostAsync($"{Tenant.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password",
                ["client_id"] = _app.AppId,
                ["username"] = User,
                ["password"] = TenantSeed.SandboxPassword,
                ["scope"] = scope,
            }));
            var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(answer.IsSuccessStatusCode, body.ToString());
            return body.GetProperty("access_token").GetString()!;
        }

        public async Task<MailProbeResult> ProbeAsync(MailProtocol protocol, string token, string mailbox)
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
                Options = new MailConnectionOptions { TrustedCertificates = [Servers.Certificate], ReadTimeout = TimeSpan.FromSeconds(30) },
            }, timeout.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await Servers.DisposeAsync();
            await _host.DisposeAsync();
        }
    }
}
