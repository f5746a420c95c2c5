using MailSetup.Core.Catalog;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;

namespace MailSetup.Core.Plans;

/// <summary>
/// Turns a setup request into an ordered plan: Graph steps first (they produce the ids Exchange
/// needs), then Exchange registration, scoping, mailbox permissions and verification. Offline and
/// deterministic: the only clock is the injected one.
/// </summary>
public sealed class PlanBuilder(TimeProvider clock)
{
    /// <summary>How the credentials mailsetup adds are named, before their day: "mailsetup 2026-11-21".</summary>
    public const string CredentialPrefix = "mailsetup ";

    public Plan Build(SetupRequest request)
    {
        // A clock may report its instant with an offset; plans carry UTC so the bytes do not depend on it.
        var now = clock.GetUtcNow().ToUniversalTime();
        var credentialName = CredentialPrefix + PlanDates.Day(now);
        using var http = new HttpClient();
        using var graph = new GraphServiceClient(http, new AnonymousAuthenticationProvider(), request.Cloud.GraphBaseUrl);
        var graphSteps = new GraphSteps(graph, credentialName, now);

        var steps = new List<PlanStep>();
        // First of all, before any read that other steps need: a name taken by someone else's app stops the run with nothing done.
        if (request.App is AppTarget.New named) steps.Add(graphSteps.CheckAppName(named.DisplayName, AppUniqueName.For(named.DisplayName)));
        var rbac = request.Scoping as MailboxScoping.Rbac;
        var entraPermissions = request.Permissions.Where(p => rbac is null || p.ExchangeRbacRole is null).ToList();
        var rbacPermissions = request.Permissions.Where(p => rbac is not null && p.ExchangeRbacRole is not null).ToList();

        foreach (var resource in entraPermissions.Select(p => p.Resource).Distinct())
            steps.Add(graphSteps.ReadResource(resource, entraPermissions.Where(p => p.Resource == resource).ToList()));

        var adopting = request.App is AppTarget.Existing;
        steps.Add(request.App switch
        {
            AppTarget.New app => graphSteps.CreateApp(app.DisplayName, AppUniqueName.For(app.DisplayName)),
            AppTarget.Existing app => graphSteps.FindApp(app.AppId),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.App, "unknown app target"),
        });
        // With every permission scoped by RBAC there is nothing to set in Entra (and an empty PATCH
        // would wipe an adopted app's list).
        if (entraPermissions.Count > 0)
            steps.Add(graphSteps.SetPermissions(entraPermissions, adopting, request.HasDelegatedPermissions ? request.PublicClient : null));
        steps.AddRange(CredentialSteps(request, graphSteps, now, credentialName, adopting));
        steps.Add(graphSteps.CreateServicePrincipal());
        foreach (var permission in entraPermissions.Where(p => p.Kind == PermissionKind.Application))
            steps.Add(graphSteps.GrantAppRole(permission));
        foreach (var resourceScopes in entraPermissions.Where(p => p.Kind == PermissionKind.Delegated).GroupBy(p => p.Resource))
            steps.Add(graphSteps.GrantDelegated(resourceScopes.Key, resourceScopes.ToList()));

        steps.AddRange(ExchangeStepsFor(request, rbacPermissions));
        return new Plan(request, now, steps, PlanNotices.For(request, rbacPermissions, now));
    }

    private static IEnumerable<PlanStep> CredentialSteps(SetupRequest request, GraphSteps graphSteps, DateTimeOffset now, string credentialName,
        bool adopting)
    {
        switch (request.Credential)
        {
            case CredentialRequest.ClientSecret secret:
                yield return graphSteps.AddSecret(now.AddDays(secret.LifetimeDays));
                break;
            case CredentialRequest.Certificate certificate:
                yield return GenerateCertificate(request, certificate, credentialName);
                yield return graphSteps.UploadCertificate(adopting, TimeSpan.FromDays(certificate.LifetimeDays));
                break;
        }
    }

    private static LocalStep GenerateCertificate(SetupRequest request, CredentialRequest.Certificate certificate, string credentialName) => new()
    {
        Key = "generate-certificate",
        Title = "Make a key pair and a self-signed certificate on this machine",
        Why =
            "A certificate does not leak like a pasted secret. The private key stays here (saved with mode 0600); " +
            $"only the public certificate is uploaded. Valid {certificate.LifetimeDays} days.",
        Action = StepAction.Generate,
        Work = LocalAction.GenerateCertificate,
        Settings =
        [
            new("subject", CertificateSubject.CommonName(AppLabel(request))),
            new("key", "RSA 2048"),
            new("validityDays", certificate.LifetimeDays.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("displayName", credentialName),
        ],
        Produces = [References.CertificateKey, References.CertificateThumbprint],
    };

    private static IEnumerable<PlanStep> ExchangeStepsFor(SetupRequest request, IReadOnlyList<Permission> rbacPermissions)
    {
        var appOnly = request.AppOnlyProtocols;
        var protocols = appOnly.Concat(request.DelegatedProtocols).Distinct().Order().ToList();
        var needsExchangeSp = appOnly.Count > 0 || rbacPermissions.Count > 0 || request.SendAs;
        var exchange = new List<PlanStep>();

        if (needsExchangeSp) exchange.Add(ExchangeSteps.RegisterServicePrincipal());
        switch (request.Scoping)
        {
            case MailboxScoping.Rbac rbac:
                var scopeName = $"mailsetup {AppLabel(request)} scope";
                exchange.Add(ExchangeSteps.ReadScopeGroup(rbac.Group));
                exchange.Add(ExchangeSteps.CreateManagementScope(scopeName, rbac.Group));
                exchange.Add(ExchangeSteps.UpdateManagementScope(scopeName, rbac.Group));
                exchange.AddRange(rbacPermissions.Select(p => ExchangeSteps.AssignScopedRole(p, scopeName)));
                break;
            case MailboxScoping.AccessPolicy policy:
                exchange.Add(ExchangeSteps.CreateAccessPolicy(policy.Group, AppLabel(request)));
                break;
        }
        // Under RBAC the role assignment "Application SMTP.SendAsApp" is the whole grant for SMTP: a mailbox permission on top would
        // only make Exchange check mailbox permissions. IMAP and POP have no RBAC role, so they keep FullAccess.
        var rbacSmtp = rbacPermissions.Any(p => p.Name == "SMTP.SendAsApp");
        var fullAccessProtocols = appOnly.Where(p => !(rbacSmtp && p == MailProtocol.Smtp)).ToList();
        foreach (var mailbox in request.Mailboxes)
        {
            if (fullAccessProtocols.Count > 0) exchange.Add(ExchangeSteps.GrantFullAccess(mailbox, fullAccessProtocols));
            if (request.SendAs) exchange.Add(ExchangeSteps.GrantSendAs(mailbox));
        }
        exchange.AddRange(SmtpAuthSteps(request));
        foreach (var mailbox in request.Mailboxes)
        {
            // Each grant checked by what reads it back: Test-ServicePrincipalAuthorization ignores Entra consent and shows RBAC only.
            if (rbacPermissions.Count > 0) exchange.Add(ExchangeSteps.TestAuthorization(mailbox));
            if (fullAccessProtocols.Count > 0) exchange.Add(ExchangeSteps.CheckFullAccess(mailbox));
            if (request.SendAs) exchange.Add(ExchangeSteps.CheckSendAs(mailbox));
            if (protocols.Count > 0) exchange.Add(ExchangeSteps.CheckMailboxProtocols(mailbox, protocols));
        }

        if (exchange.Count == 0) return exchange;
        return exchange.Prepend(ExchangeSteps.Connect(request.Cloud));
    }

    /// <summary>SMTP AUTH on where the logins need it: the given mailboxes, or the whole tenant only when asked.</summary>
    private static IEnumerable<PlanStep> SmtpAuthSteps(SetupRequest request)
    {
        if (!request.LogsInOverSmtp) return [];
        if (request.SmtpAuth == SmtpAuthScope.Tenant) return [ExchangeSteps.EnableSmtpAuthForTenant()];
        if (request.Mailboxes.Count == 0) return [ExchangeSteps.CheckSmtpAuth()];
        return request.Mailboxes.Select(ExchangeSteps.EnableSmtpAuth);
    }

    public static string AppLabel(SetupRequest request) => request.App switch
    {
        AppTarget.New app => app.DisplayName,
        AppTarget.Existing app => app.AppId.ToString(),
        _ => "app",
    };
}
