using MailSetup.Core.Catalog;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Setup;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;
using Microsoft.Graph.Applications.Item.AddPassword;
using Microsoft.Graph.Applications.Item.RemovePassword;
using Microsoft.Graph.Models;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// The sandbox as a place to diagnose mail logins: its Exchange-like IMAP/POP/SMTP servers on
/// 127.0.0.1, the admin's session for reading the setup live, and the mail app's own tokens from the
/// sandbox's token endpoint by the real flows. An app's secret is stored only as a hash, so for
/// client credentials the session adds a short-lived secret through Graph, as an admin would, and
/// removes it when disposed.
/// </summary>
public sealed class SandboxDiagnosisSession : IAsyncDisposable
{
    public const string TemporarySecretName = "mailsetup diagnose (temporary)";
    private static readonly TimeSpan TemporarySecretLifetime = TimeSpan.FromHours(1);

    private readonly List<(string AppObjectId, Guid KeyId)> _temporarySecrets = [];

    private SandboxDiagnosisSession(SandboxSession session, SandboxMailServers mail)
    {
        Session = session;
        Mail = mail;
    }

    public SandboxSession Session { get; }
    public SandboxMailServers Mail { get; }
    public SandboxTenant Tenant => Session.Tenant;

    /// <summary>Reads the setup through Graph and the Exchange admin API, as for a real tenant.</summary>
    public MailAppSetupReader SetupReader => new(Session.Clients.Graph, Session.Clients.Exchange);

    public static async Task<SandboxDiagnosisSession> OpenAsync(SandboxTenant tenant, Func<string, Task>? status = null,
        SandboxMailOptions? mailOptions = null, CancellationToken cancellationToken = default)
    {
        var mail = await SandboxMailServers.StartAsync(tenant, mailOptions, cancellationToken).ConfigureAwait(false);
        return new SandboxDiagnosisSession(SandboxSession.Open(tenant, status), mail);
    }

    /// <summary>
    /// The app given, or the newest app with Exchange mail permissions made since the tenant was seeded (its seeded, broken apps
    /// are diagnosed only when named); null when there is none.
    /// </summary>
    public SandboxMailApp? FindApp(string? clientId)
    {
        var apps = SandboxMailApps.List(Tenant);
        if (clientId is null) return apps.FirstOrDefault(a => !SeededMailApps.AppIds.Contains(a.AppId));
        return apps.FirstOrDefault(a => a.AppId.Equals(clientId, StringComparison.OrdinalIgnoreCase))
            ?? Tenant.Read(s => s.Applications.Where(a => a.AppId.Equals(clientId, StringComparison.OrdinalIgnoreCase))
                .Select(a => new SandboxMailApp(a.AppId, a.Id, a.DisplayName, a.CreatedDateTime)).FirstOrDefault());
    }

    /// <summary>
    /// The app's token by <paramref name="flow"/>: <paramref name="clientSecret"/> or else a temporary secret for client credentials, the
    /// certificate file given, a device code the sandbox approves as <paramref name="user"/>, or
    /// <paramref name="user"/>'s sandbox password.
    /// </summary>
    /// <exception cref="MailTokenException">The sandbox's Entra refused (the AADSTS code says why).</exception>
    public async Task<MailToken> AcquireTokenAsync(string clientId, MailTokenFlow flow, IReadOnlyList<MailProtocol> protocols,
        string? user, string? certificatePath, string? clientSecret, Func<string, Task>? status, CancellationToken cancellationToken)
    {
        var request = new MailTokenRequest
        {
            Cloud = SandboxSession.Cloud,
            Tenant = Tenant.TenantId,
            ClientId = clientId,
            Flow = flow,
            Protocols = protocols,
            CertificatePath = certificatePath,
            ClientSecret = clientSecret,
            UserName = user,
            Password = flow == MailTokenFlow.Ropc ? TenantSeed.SandboxPassword : null,
        };
        if (flow == MailTokenFlow.Secret
            && clientSecret is null) request =
                request with { ClientSecret = await TemporarySecretAsync(clientId, status, cancellationToken).ConfigureAwait(false) };

        return await new MailTokenSource(Session.Host.CreateHandler()).AcquireAsync(request, async (code, _) =>
        {
            var approver = user ?? TenantSeed.AdminAddress;
            if (status is not null) await status(
                $"sandbox sign-in: code {code.UserCode} at {code.VerificationUri}, approved by the sandbox as {approver}").ConfigureAwait(false);
            new SandboxDeviceCodes(Tenant).Approve(code.UserCode, approver);
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> TemporarySecretAsync(string clientId, Func<string, Task>? status, CancellationToken cancellationToken)
    {
        var app = FindApp(clientId);
        if (app is null) return "no-such-app"; // the token endpoint then answers as Entra does (AADSTS700016)
        var added = await Session.Clients.Graph.Applications[app.ObjectId].AddPassword.PostAsync(new AddPasswordPostRequestBody
        {
            PasswordCredential = new PasswordCredential
            {
                DisplayName = TemporarySecretName,
                EndDateTime = Tenant.Clock.GetUtcNow() + TemporarySecretLifetime,
            },
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (added?.KeyId is { } keyId) _temporarySecrets.Add((app.ObjectId, keyId));
        if (status is not null) await status(
            $"sandbox: added a temporary client secret to '{app.DisplayName}' for this diagnosis; it is removed at the end").ConfigureAwait(false);
        return added?.SecretText;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (appObjectId, keyId) in _temporarySecrets)
        {
            try
            {
                await Session.Clients.Graph.Applications[appObjectId].RemovePassword.PostAsync(new RemovePasswordPostRequestBody { KeyId = keyId })
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or Microsoft.Graph.Models.ODataErrors.ODataError)
            {
                // The secret expires within the hour anyway; a failed clean-up must not hide the diagnosis.
            }
        }
        await Mail.DisposeAsync().ConfigureAwait(false);
        await Session.DisposeAsync().ConfigureAwait(false);
    }
}
