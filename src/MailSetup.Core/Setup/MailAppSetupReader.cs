using System.Text.Json;
using MailSetup.Core.Catalog;
using MailSetup.Core.Exchange;
using MailSetup.Core.Execution;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace MailSetup.Core.Setup;

/// <summary>
/// Reads a mail app's setup live: the app, its enterprise app, consent and credentials from Graph;
/// Exchange's registration, the mailbox's permissions and protocol switches and the tenant's SMTP AUTH
/// switch from Exchange. Read-only: it never changes the tenant.
/// </summary>
public sealed class MailAppSetupReader(GraphServiceClient graph, IExchangeCommandRunner exchange)
{
    public async Task<MailAppSetup> ReadAsync(string appId, string? mailbox, CancellationToken cancellationToken)
    {
        var app = await FindApplicationAsync(appId, cancellationToken).ConfigureAwait(false);
        var servicePrincipalId = await FindServicePrincipalIdAsync(appId, cancellationToken).ConfigureAwait(false);
        var (roles, scopes) = servicePrincipalId is null
            ? (new HashSet<string>(), new HashSet<string>())
            : await ReadConsentAsync(servicePrincipalId, cancellationToken).ConfigureAwait(false);
        var registration = await FindExchangeRegistrationAsync(appId, cancellationToken).ConfigureAwait(false);
        var mailboxSetup =
            mailbox is null ? null : await ReadMailboxAsync(mailbox, servicePrincipalId, registration, cancellationToken).ConfigureAwait(false);
        var transport = await exchange.InvokeAsync(Cmdlet.Create("Get-TransportConfig"), cancellationToken).ConfigureAwait(false);
        var tenantSmtpDisabled = transport.Count > 0 && Bool(transport[0], "SmtpClientAuthenticationDisabled") == true;
        return new MailAppSetup(appId, app, servicePrincipalId, roles, scopes, registration, mailboxSetup, tenantSmtpDisabled, mailbox);
    }

    /// <summary>
    /// The app's permissions and the protocol switches of more mailboxes, for a setup already read:
    /// two or three cmdlets a mailbox, without reading the app, its consent and the tenant again.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, MailboxSetup>> ReadMailboxesAsync(MailAppSetup setup, IEnumerable<string> mailboxes,
        CancellationToken cancellationToken)
    {
        var read = new Dictionary<string, MailboxSetup>(StringComparer.OrdinalIgnoreCase);
        foreach (var mailbox in mailboxes)
            if (await ReadMailboxAsync(mailbox, setup.ServicePrincipalId, setup.Exchange, cancellationToken).ConfigureAwait(false) is { } found)
                read[mailbox] = found;
        return read;
    }

    private async Task<MailAppRegistration?> FindApplicationAsync(string appId, CancellationToken cancellationToken)
    {
        var found = await graph.Applications.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"appId eq '{appId}'";
            r.QueryParameters.Select = ["id", "appId", "displayName", "isFallbackPublicClient", "passwordCredentials", "keyCredentials"];
        }, cancellationToken).ConfigureAwait(false);
        if (found?.Value?.FirstOrDefault() is not { } app) return null;
        return new MailAppRegistration(app.Id!, app.DisplayName ?? "", app.IsFallbackPublicClient == true,
            (app.PasswordCredentials ?? []).Where(p => p.EndDateTime is not null)
                .Select(p => new AppCredentialExpiry(p.DisplayName ?? p.Hint ?? "secret", p.EndDateTime!.Value)).ToList(),
            (app.KeyCredentials ?? []).Where(k => k.EndDateTime is not null)
                .Select(k => new AppCredentialExpiry(k.DisplayName ?? "certificate", k.EndDateTime!.Value)).ToList());
    }

    private async Task<string?> FindServicePrincipalIdAsync(string appId, CancellationToken cancellationToken)
    {
        var found = await graph.ServicePrincipals.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"appId eq '{appId}'";
            r.QueryParameters.Select = ["id", "appId"];
        }, cancellationToken).ConfigureAwait(false);
        return found?.Value?.FirstOrDefault()?.Id;
    }

    /// <summary>Consented Exchange roles (by the resource's own role ids, with the catalog's as fallback) and AllPrincipals delegated
    /// scopes.</summary>
    private async Task<(HashSet<string> Roles, HashSet<string> Scopes)> ReadConsentAsync(string servicePrincipalId,
        CancellationToken cancellationToken)
    {
        var resource = ApiResource.ExchangeOnline;
        var exchangeSp = (await graph.ServicePrincipals.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"appId eq '{resource.AppId}'";
            r.QueryParameters.Select = ["id", "appId", "appRoles"];
        }, cancellationToken).ConfigureAwait(false))?.Value?.FirstOrDefault();
        var roleNames = PermissionCatalog.All.Where(p => p.Resource == resource).ToDictionary(p => p.Id, p => p.Name);
        foreach (var role in exchangeSp?.AppRoles ?? []) if (role.Id is { } id && role.Value is { } value) roleNames[id] = value;

        var assignments =
            await graph.ServicePrincipals[servicePrincipalId].AppRoleAssignments.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var roles = (assignments?.Value ?? [])
            .Where(a => exchangeSp?.Id is null || a.ResourceId?.ToString() == exchangeSp.Id)
            .Select(a => a.AppRoleId is { } id && roleNames.TryGetValue(id, out var name) ? name : null)
            .OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);

        var grants =
            await graph.ServicePrincipals[servicePrincipalId].Oauth2PermissionGrants.GetAsync(cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        var scopes = (grants?.Value ?? [])
            .Where(g => g.ConsentType == "AllPrincipals" && (exchangeSp?.Id is null || g.ResourceId == exchangeSp.Id))
            .SelectMany(g => (g.Scope ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (roles, scopes);
    }

    private async Task<ExchangeRegistration?> FindExchangeRegistrationAsync(string appId, CancellationToken cancellationToken)
    {
        // Listing all and matching AppId works on every Exchange; -Identity lookups by AppId are not documented.
        var registered = await exchange.InvokeAsync(Cmdlet.Create("Get-ServicePrincipal"), cancellationToken).ConfigureAwait(false);
        return registered
            .Where(sp => string.Equals(Text(sp, "AppId"), appId, StringComparison.OrdinalIgnoreCase))
            .Select(
                sp =>
                    new ExchangeRegistration(Text(sp, "AppId")!, Text(sp, "ObjectId") ?? Text(sp, "ServiceId") ?? "", Text(sp, "DisplayName") ?? ""))
            .FirstOrDefault();
    }

    private async Task<MailboxSetup?> ReadMailboxAsync(string mailbox, string? servicePrincipalId, ExchangeRegistration? registration,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<JsonElement> cas;
        try
        {
            cas =
                await exchange.InvokeAsync(Cmdlet.Create("Get-CASMailbox", CmdletParameter.Text("Identity", mailbox)), cancellationToken)
                    .ConfigureAwait(false);
        }
        catch (ExchangeCommandException e) when (e.IsNotFound)
        {
            return null;
        }
        if (cas.Count == 0) return null;

        // Exchange knows the app by its registration's ObjectId; a FullAccess given to the enterprise app's id counts too.
        var trustees =
            new[] { servicePrincipalId, registration?.ObjectId }.OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
        var fullAccess = false;
        var sendAs = false;
        foreach (var trustee in trustees)
        {
            fullAccess |= (await InvokeOrEmptyAsync(
                Cmdlet.Create("Get-MailboxPermission", CmdletParameter.Text("Identity", mailbox), CmdletParameter.Text("User", trustee)),
                cancellationToken).ConfigureAwait(false))
                .Any(p => Strings(p, "AccessRights").Contains("FullAccess", StringComparer.OrdinalIgnoreCase));
            sendAs |= (await InvokeOrEmptyAsync(
                Cmdlet.Create("Get-RecipientPermission", CmdletParameter.Text("Identity", mailbox), CmdletParameter.Text("Trustee", trustee)),
                cancellationToken).ConfigureAwait(false))
                .Any(p => Strings(p, "AccessRights").Contains("SendAs", StringComparer.OrdinalIgnoreCase));
        }
        var address = Text(cas[0], "PrimarySmtpAddress") ?? mailbox;
        return new MailboxSetup(address, fullAccess, sendAs, Bool(cas[0], "ImapEnabled") ?? true, Bool(cas[0], "PopEnabled") ?? true,
            Bool(cas[0], "SmtpClientAuthenticationDisabled"));
    }

    /// <summary>A trustee Exchange does not know (an unregistered id) means no permission, not a failed read.</summary>
    private async Task<IReadOnlyList<JsonElement>> InvokeOrEmptyAsync(Cmdlet cmdlet, CancellationToken cancellationToken)
    {
        try
        {
            return await exchange.InvokeAsync(cmdlet, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeCommandException e) when (e.IsNotFound)
        {
            return [];
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        } : null;

    private static IEnumerable<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetString()).OfType<string>()
            : element.TryGetProperty(name, out var single) && single.ValueKind == JsonValueKind.String
                ? (single.GetString() ?? "").Split(',', StringSplitOptions.TrimEntries)
                : [];
}
