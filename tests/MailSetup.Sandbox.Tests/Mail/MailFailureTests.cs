using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>
/// Every failure row of FACTS.md's wire tables, reproduced on the sandbox's servers: the exact line
/// Exchange sends, why the sandbox refused (its login log), and that the product's diagnostician
/// explains the answer.
/// </summary>
public sealed class MailFailureTests
{
    private const string ImapFailed = "A2 NO AUTHENTICATE failed.";
    private const string PopFailed = "-ERR Authentication failure: unknown user name or bad password.";
    private const string Archive = TenantSeed.ImapDisabledMailbox;

    [Fact]
    public async Task Without_New_ServicePrincipal_imap_answers_no_and_the_diagnosis_names_the_missing_registration()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.ServicePrincipals.Clear());

        var result = await mail.ProbeAsync(MailProtocol.Imap, await mail.TokenAsync());

        Assert.Equal(ImapFailed, result.FinalAnswer);
        Assert.Contains("New-ServicePrincipal missing", mail.LastLogin.Reason);
        var findings =
            mail.Diagnose(MailProtocol.Imap, MailSandbox.ServerLines(result), null, new SetupState(ExchangeServicePrincipalPresent: false));
        Assert.Equal("exchange-no-service-principal", findings[0].Code);
        Assert.Contains(findings, f => f.Code == "exchange-imap-auth-failed" && f.Evidence == ImapFailed);
    }

    [Fact]
    public async Task A_service_principal_registered_with_the_app_registrations_object_id_fails_every_protocol()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.SmtpClientAuthenticationDisabled = false);
        mail.Tenant.Change(s =>
        {
            var sp = s.Exchange.ServicePrincipals.Single(r => r.AppId == mail.AppId);
            sp.ObjectId = mail.AppObjectId; // the classic mistake: New-ServicePrincipal -ObjectId <app registration's id>
            sp.Identity = mail.AppObjectId;
        });
        var token = await mail.TokenAsync();

        var imap = await mail.ProbeAsync(MailProtocol.Imap, token);
        Assert.Contains($"ObjectId {mail.AppObjectId}", mail.LastLogin.Reason);
        var pop = await mail.ProbeAsync(MailProtocol.Pop, token);
        var smtp = await mail.ProbeAsync(MailProtocol.Smtp, token);

        Assert.Equal(ImapFailed, imap.FinalAnswer);
        Assert.Equal(PopFailed, pop.FinalAnswer);
        Assert.Equal("535 5.7.3 Authentication unsuccessful [SN4PR0301CA0001.namprd03.prod.outlook.com]", smtp.FinalAnswer);
        var findings =
            mail.Diagnose(MailProtocol.Imap, MailSandbox.ServerLines(imap), token,
                new SetupState(ExchangeServicePrincipalPresent: true, ExchangeServicePrincipalObjectId: mail.AppObjectId));
        Assert.Equal("exchange-service-principal-wrong-object-id", findings[0].Code);
        Assert.Contains("REGISTRATION", findings[0].Cause);
        Assert.Contains(mail.Diagnose(MailProtocol.Smtp, MailSandbox.ServerLines(smtp), token), f => f.Code == "exchange-smtp-auth-failed");
    }

    [Fact]
    public async Task A_graph_token_is_refused_and_diagnosed_as_the_wrong_audience()
    {
        await using var mail = await MailSandbox.StartAsync();
        var graph = await mail.TokenAsync("https://graph.microsoft.com/.default");

        var result = await mail.ProbeAsync(MailProtocol.Imap, graph);

        Assert.Equal(ImapFailed, result.FinalAnswer);
        Assert.StartsWith("token refused: the token is for 'https://graph.microsoft.com'", mail.LastLogin.Reason);
        var findings = mail.Diagnose(MailProtocol.Imap, MailSandbox.ServerLines(result), graph);
        Assert.Equal("token-graph-audience", findings[0].Code);
    }

    [Fact]
    public async Task A_token_without_the_protocols_role_is_refused_and_diagnosed()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.RevokeRole("POP.AccessAsApp");
        var token = await mail.TokenAsync();

        var pop = await mail.ProbeAsync(MailProtocol.Pop, token);
        var imap = await mail.ProbeAsync(MailProtocol.Imap, token);

        Assert.Equal(PopFailed, pop.FinalAnswer);
        Assert.Equal("A2 OK AUTHENTICATE completed.", imap.FinalAnswer); // the other roles still work
        var findings = mail.Diagnose(MailProtocol.Pop, MailSandbox.ServerLines(pop), token);
        Assert.Equal("token-missing-role", findings[0].Code);
        Assert.Contains("POP.AccessAsApp", findings[0].Cause);
        Assert.Contains(findings, f => f.Code == "exchange-pop-auth-failed");
        Assert.Contains(mail.Servers.Logins, l => l.Protocol == MailProtocol.Pop && l.Reason.Contains("no POP.AccessAsApp role"));
    }

    [Fact]
    public async Task An_expired_token_is_refused_and_diagnosed_as_expired()
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();
        mail.Clock.Advance(TimeSpan.FromHours(2));

        var result = await mail.ProbeAsync(MailProtocol.Imap, token);

        Assert.Equal(ImapFailed, result.FinalAnswer);
        Assert.StartsWith("token refused: the token expired", mail.LastLogin.Reason);
        Assert.Equal("token-expired", mail.Diagnose(MailProtocol.Imap, MailSandbox.ServerLines(result), token)[0].Code);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_is_refused()
    {
        await using var mail = await MailSandbox.StartAsync();
        var forged = MailSandbox.Resigned(await mail.TokenAsync());

        var result = await mail.ProbeAsync(MailProtocol.Imap, forged);

        Assert.Equal(ImapFailed, result.FinalAnswer);
        Assert.Contains("signature does not verify", mail.LastLogin.Reason);
        // The claims look fine, so only Exchange's generic answer is left to explain it.
        var findings = mail.Diagnose(MailProtocol.Imap, MailSandbox.ServerLines(result), forged);
        Assert.Equal("exchange-imap-auth-failed", Assert.Single(findings, f => f.Severity == FindingSeverity.Error).Code);
    }

    [Fact]
    public async Task Without_FullAccess_imap_logs_in_but_every_command_is_not_connected_and_pop_fails()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.MailboxPermissions.Clear());
        var token = await mail.TokenAsync();

        var imap = await mail.ProbeAsync(MailProtocol.Imap, token);
        var pop = await mail.ProbeAsync(MailProtocol.Pop, token);

        // Exchange accepts the login, then refuses the mailbox: the probe fails on that refusal.
        Assert.True(imap.AuthenticationAccepted);
        Assert.False(imap.Succeeded);
        Assert.Equal("A3 BAD User is authenticated but not connected.", imap.FinalAnswer);
        var lines = MailSandbox.ServerLines(imap);
        Assert.Contains("A3 BAD User is authenticated but not connected.", lines);
        Assert.Equal(MailLoginOutcome.NotConnected, mail.Servers.Logins[^2].Outcome);
        Assert.Contains("has no FullAccess", mail.Servers.Logins[^2].Reason);
        Assert.Equal(PopFailed, pop.FinalAnswer);

        var findings = mail.Diagnose(MailProtocol.Imap, lines, token, new SetupState(FullAccess: false));
        Assert.Equal("mailbox-no-full-access", findings[0].Code);
        Assert.Contains(findings, f => f.Code == "exchange-imap-not-connected");
    }

    [Fact]
    public async Task Imap_disabled_on_archive_answers_not_connected_after_the_login()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(
            s =>
                s.Exchange.MailboxPermissions.Add(
                    new ExchangeMailboxPermission { Identity = Archive, User = mail.ServicePrincipalId, AccessRights = ["FullAccess"] }));

        var result = await mail.ProbeAsync(MailProtocol.Imap, await mail.TokenAsync(), Archive);

        Assert.True(result.AuthenticationAccepted);
        Assert.False(result.Succeeded);
        Assert.Equal("A3 BAD User is authenticated but not connected.", result.FinalAnswer);
        var lines = MailSandbox.ServerLines(result);
        Assert.Contains("ImapEnabled False", mail.Servers.Logins[^1].Reason);
        var findings = mail.Diagnose(MailProtocol.Imap, lines, null, new SetupState(ImapEnabled: false), mailbox: Archive);
        Assert.Equal("mailbox-imap-disabled", findings[0].Code);
        Assert.Contains(findings, f => f.Code == "exchange-imap-not-connected" && f.Fix.Contains("-ImapEnabled $true"));
    }

    [Fact]
    public async Task Pop_disabled_on_the_mailbox_fails_the_pop_login()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Users.Single(u => u.Mail == MailSandbox.Support).PopEnabled = false);

        var result = await mail.ProbeAsync(MailProtocol.Pop, await mail.TokenAsync());

        Assert.Equal(PopFailed, result.FinalAnswer);
        Assert.Contains("PopEnabled False", mail.LastLogin.Reason);
        var findings = mail.Diagnose(MailProtocol.Pop, MailSandbox.ServerLines(result), null, new SetupState(PopEnabled: false));
        Assert.Equal("mailbox-pop-disabled", findings[0].Code);
    }

    [Fact]
    public async Task Smtp_auth_disabled_for_the_tenant_fails_with_5_7_139_for_a_mailbox_without_its_own_setting()
    {
        await using var mail = await MailSandbox.StartAsync();
        // The plan turned SMTP AUTH on for the mailbox: without that setting it follows the tenant, off by the seed's default.
        mail.Tenant.Change(s => s.Users.Single(u => u.Mail == MailSandbox.Support).SmtpClientAuthenticationDisabled = null);

        var result = await mail.ProbeAsync(MailProtocol.Smtp, await mail.TokenAsync());

        Assert.Equal(
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. " +
            "Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0301CA0001.namprd03.prod.outlook.com]",
            result.FinalAnswer);
        Assert.Equal(MailLoginOutcome.SmtpAuthDisabledForTenant, mail.LastLogin.Outcome);
        var findings = mail.Diagnose(MailProtocol.Smtp, MailSandbox.ServerLines(result), null);
        Assert.Equal("exchange-smtp-auth-disabled-tenant", findings[0].Code);
        Assert.Contains("Set-TransportConfig -SmtpClientAuthenticationDisabled $false", findings[0].Fix);
    }

    [Fact]
    public async Task Smtp_auth_disabled_for_the_mailbox_wins_over_the_tenant()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s =>
        {
            s.Exchange.SmtpClientAuthenticationDisabled = false;
            s.Users.Single(u => u.Mail == MailSandbox.Support).SmtpClientAuthenticationDisabled = true;
        });

        var result = await mail.ProbeAsync(MailProtocol.Smtp, await mail.TokenAsync());

        Assert.Equal(
            "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. " +
            "Visit https://aka.ms/smtp_auth_disabled for more information. [SN4PR0301CA0001.namprd03.prod.outlook.com]",
            result.FinalAnswer);
        var findings = mail.Diagnose(MailProtocol.Smtp, MailSandbox.ServerLines(result), null);
        Assert.Equal("exchange-smtp-auth-disabled-mailbox", findings[0].Code);

        // A mailbox set to False (enabled) overrides a tenant that is off.
        mail.Tenant.Change(s =>
        {
            s.Exchange.SmtpClientAuthenticationDisabled = true;
            s.Users.Single(u => u.Mail == MailSandbox.Support).SmtpClientAuthenticationDisabled = false;
        });
        Assert.Equal("235 2.7.0 Authentication successful", (await mail.ProbeAsync(MailProtocol.Smtp, await mail.TokenAsync())).FinalAnswer);
    }

    [Fact]
    public async Task Basic_auth_is_refused_with_exchanges_answers_and_the_password_goes_nowhere()
    {
        const string password = "Hunter2-never-logged";
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.SmtpClientAuthenticationDisabled = false);

        await using (var smtp =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.SmtpPort, mail.Servers.Certificate, implicitTls: false))
        {
            await smtp.ReadUntilAsync(RawMailClient.SmtpFinal);
            await smtp.CommandAsync("EHLO client.example", RawMailClient.SmtpFinal);
            Assert.Equal("220 2.0.0 SMTP server ready", Assert.Single(await smtp.CommandAsync("STARTTLS", RawMailClient.SmtpFinal)));
            await smtp.StartTlsAsync();
            Assert.Contains("250-AUTH LOGIN XOAUTH2", await smtp.CommandAsync("EHLO client.example", RawMailClient.SmtpFinal));
            Assert.Equal("334 VXNlcm5hbWU6", Assert.Single(await smtp.CommandAsync("AUTH LOGIN", RawMailClient.SmtpFinal)));
            Assert.Equal("334 UGFzc3dvcmQ6", Assert.Single(await smtp.CommandAsync(Base64(MailSandbox.Support), RawMailClient.SmtpFinal)));
            var answer = Assert.Single(await smtp.CommandAsync(Base64(password), RawMailClient.SmtpFinal));

            Assert.Equal("535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [SN4PR0301CA0001.namprd03.prod.outlook.com]",
                answer);
            Assert.Equal("exchange-smtp-basic-auth", mail.Diagnose(MailProtocol.Smtp, [answer], null)[0].Code);
        }

        await using (var imap =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.ImapPort, mail.Servers.Certificate, implicitTls: true))
        {
            await imap.ReadLineAsync();
            Assert.Equal(["A1 NO LOGIN failed."],
                await imap.CommandAsync($"A1 LOGIN {MailSandbox.Support} {password}", l => l.StartsWith("A1 ", StringComparison.Ordinal)));
        }

        Assert.Equal([MailLoginOutcome.BasicAuthRefused, MailLoginOutcome.BasicAuthRefused], mail.Servers.Logins.Select(l => l.Outcome));
        Assert.DoesNotContain(mail.Servers.Logins, l => l.ToString().Contains(password) || l.ToString().Contains(Base64(password)));
    }

    [Fact]
    public async Task Mail_from_another_mailbox_needs_SendAs()
    {
        const string sales = "sales@contoso.onmicrosoft.com";
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.SmtpClientAuthenticationDisabled = false);
        var token = await mail.TokenAsync();

        await using var smtp = await mail.SmtpLoggedInAsync(token);

        var denied = Assert.Single(await smtp.CommandAsync($"MAIL FROM:<{sales}>", RawMailClient.SmtpFinal));
        Assert.Equal("550 5.7.60 SMTP; Client does not have permissions to send as this sender", denied);
        Assert.Equal("exchange-smtp-send-as-denied", mail.Diagnose(MailProtocol.Smtp, [denied], token)[0].Code);

        // Its own mailbox needs nothing more, and the message is kept.
        Assert.Equal(["250 2.1.0 Sender OK"], await smtp.CommandAsync($"MAIL FROM:<{MailSandbox.Support}>", RawMailClient.SmtpFinal));
        Assert.Equal(["250 2.1.5 Recipient OK"], await smtp.CommandAsync("RCPT TO:<someone@example.com>", RawMailClient.SmtpFinal));
        Assert.StartsWith("354 ", Assert.Single(await smtp.CommandAsync("DATA", RawMailClient.SmtpFinal)));
        await smtp.WriteLineAsync("Subject: hello");
        await smtp.WriteLineAsync("");
        await smtp.WriteLineAsync("..a dot-stuffed line");
        Assert.StartsWith("250 2.0.0 OK", Assert.Single(await smtp.CommandAsync(".", RawMailClient.SmtpFinal)));
        var message = Assert.Single(mail.Servers.Messages);
        Assert.Equal((MailSandbox.Support, MailSandbox.Support, "someone@example.com"),
            (message.AuthenticatedMailbox, message.From, Assert.Single(message.Recipients)));
        Assert.Contains("\r\n.a dot-stuffed line\r\n", message.Data);

        // SendAs granted (live: no new login needed) lets it send as sales@.
        mail.Tenant.Change(
            s =>
                s.Exchange.RecipientPermissions.Add(
                    new ExchangeRecipientPermission { Identity = sales, Trustee = mail.ServicePrincipalId, AccessRights = ["SendAs"] }));
        Assert.Equal(["250 2.1.0 Sender OK"], await smtp.CommandAsync($"MAIL FROM:<{sales}>", RawMailClient.SmtpFinal));
    }

    [Fact]
    public async Task A_token_expiring_during_an_imap_session_ends_it_with_bye_AccessTokenExpired()
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();

        await using var imap =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.ImapPort, mail.Servers.Certificate, implicitTls: true);
        await imap.ReadLineAsync();
        Assert.Equal(["A1 OK AUTHENTICATE completed."],
            await imap.CommandAsync("A1 AUTHENTICATE XOAUTH2 " + RawMailClient.XOAuth2(MailSandbox.Support, token),
                l => l.StartsWith("A1 ", StringComparison.Ordinal)));
        Assert.Equal(["A2 OK NOOP completed."], await imap.CommandAsync("A2 NOOP", l => l.StartsWith("A2 ", StringComparison.Ordinal)));

        mail.Clock.Advance(TimeSpan.FromMinutes(61));
        await imap.WriteLineAsync("A3 NOOP");
        var bye = await imap.ReadLineAsync();

        Assert.Equal("* BYE Session invalidated - AccessTokenExpired", bye);
        Assert.Null(await imap.ReadLineAsync()); // and the connection is closed
        var findings = mail.Diagnose(MailProtocol.Imap, [bye!], null);
        Assert.Equal("exchange-token-expired-in-session", findings[0].Code);
    }

    [Fact]
    public async Task A_not_connected_session_answers_bad_to_all_but_logout_and_still_ends_when_its_token_does()
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();

        await using (var imap =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.ImapPort, mail.Servers.Certificate, implicitTls: true))
        {
            await imap.ReadLineAsync();
            await imap.CommandAsync("A1 AUTHENTICATE XOAUTH2 " + RawMailClient.XOAuth2("nobody@contoso.onmicrosoft.com", token),
                l => l.StartsWith("A1 ", StringComparison.Ordinal));
            Assert.Contains("no mailbox nobody@contoso.onmicrosoft.com", mail.LastLogin.Reason);
            foreach (var (tag, command) in new[] { ("A2", "CAPABILITY"), ("A3", "NOOP"), ("A4", "SELECT INBOX") })
                Assert.Equal([$"{tag} BAD User is authenticated but not connected."],
                    await imap.CommandAsync($"{tag} {command}", l => l.StartsWith(tag + " ", StringComparison.Ordinal)));
            Assert.Equal("A5 OK LOGOUT completed.", (await imap.CommandAsync("A5 LOGOUT", l => l.StartsWith("A5 ", StringComparison.Ordinal)))[^1]);
        }

        await using (var imap =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.ImapPort, mail.Servers.Certificate, implicitTls: true))
        {
            await imap.ReadLineAsync();
            await imap.CommandAsync("A1 AUTHENTICATE XOAUTH2 " + RawMailClient.XOAuth2("nobody@contoso.onmicrosoft.com", token),
                l => l.StartsWith("A1 ", StringComparison.Ordinal));
            mail.Clock.Advance(TimeSpan.FromHours(2));
            Assert.Equal(["* BYE Session invalidated - AccessTokenExpired"],
                await imap.CommandAsync("A2 NOOP", l => l.StartsWith("* BYE", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task A_refused_oauthbearer_login_runs_the_rfc_7628_error_round_and_xoauth2_does_not()
    {
        await using var mail = await MailSandbox.StartAsync();
        var graph = await mail.TokenAsync("https://graph.microsoft.com/.default");

        var bearer = await mail.ProbeAsync(MailProtocol.Imap, graph, mechanism: SaslMechanismKind.OAuthBearer);
        var xoauth2 = await mail.ProbeAsync(MailProtocol.Imap, graph);

        Assert.Equal(ImapFailed, bearer.FinalAnswer);
        Assert.Equal("invalid_token", bearer.ErrorChallenge?.Status);
        Assert.Null(xoauth2.ErrorChallenge);
        Assert.DoesNotContain(MailSandbox.ServerLines(xoauth2), l => l.StartsWith("+ ", StringComparison.Ordinal) && l.Length > 2);
        Assert.Contains(mail.Diagnose(MailProtocol.Imap, MailSandbox.ServerLines(bearer), graph), f => f.Code == "sasl-invalid-token");
    }

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));
}
