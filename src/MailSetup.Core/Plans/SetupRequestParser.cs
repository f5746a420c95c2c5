using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Core.Plans;

/// <summary>
/// Checks a typed setup request and builds a <see cref="SetupRequest"/>. Every problem is reported
/// (not just the first), each naming the bad value and what is expected.
/// </summary>
public static class SetupRequestParser
{
    public const int MaxAppNameLength = 120;

    public static (SetupRequest? Request, IReadOnlyList<InputError> Errors) Parse(SetupRequestInput input)
    {
        var errors = new List<InputError>();
        var presets = ParsePresets(input.Presets, errors);
        var app = ParseApp(input, errors);
        var credential = ParseCredential(input, errors);
        var mailboxes = ParseMailboxes(input, errors);
        var cloud = ParseCloud(input.Cloud, errors);
        var scoping = ParseScoping(input, presets, errors);
        CheckSendAs(input, presets, mailboxes, errors);

        if (errors.Count > 0) return (null, errors);
        return (new SetupRequest(app!, presets!, credential!, mailboxes, input.SendAs, scoping!, cloud!), errors);
    }

    private static IReadOnlyList<Preset>? ParsePresets(string? text, List<InputError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new("--preset", text, $"is required; expected one or more of {string.Join(", ", PresetCatalog.Names)}, separated by commas."));
            return null;
        }
        try
        {
            return PresetCatalog.ParseList(text);
        }
        catch (ArgumentException e)
        {
            errors.Add(new("--preset", text, e.Message));
            return null;
        }
    }

    private static AppTarget? ParseApp(SetupRequestInput input, List<InputError> errors)
    {
        if (input.AppName is not null && input.AppId is not null)
        {
            errors.Add(new("--app-name/--app-id", $"{input.AppName} / {input.AppId}", "give either --app-name to create an app or --app-id to adopt one, not both."));
            return null;
        }
        if (input.AppId is not null)
        {
            if (Guid.TryParseExact(input.AppId.Trim(), "D", out var appId) && appId != Guid.Empty)
                return new AppTarget.Existing(appId);
            errors.Add(new("--app-id", input.AppId, $"'{input.AppId}' is not an application (client) id; expected a GUID like 1b2c3d4e-0000-4000-8000-123456789abc."));
            return null;
        }
        if (input.AppName is null)
        {
            errors.Add(new("--app-name/--app-id", null, "is required: --app-name NAME to create an app, or --app-id GUID to adopt one."));
            return null;
        }
        var name = input.AppName.Trim();
        if (name.Length == 0)
            errors.Add(new("--app-name", input.AppName, "is empty; expected a display name of 1 to 120 characters."));
        else if (name.Length > MaxAppNameLength)
            errors.Add(new("--app-name", Shorten(input.AppName), $"is {name.Length} characters long; expected at most {MaxAppNameLength}."));
        else if (name.Any(char.IsControl))
            errors.Add(new("--app-name", input.AppName, "contains control characters; expected printable text."));
        else if (name.IndexOfAny(['{', '}']) >= 0)
            errors.Add(new("--app-name", input.AppName, $"'{input.AppName}' contains {{ or }}, which plans use to mark values known only at run time; expected a name without braces."));
        else
            return new AppTarget.New(name);
        return null;
    }

    private static CredentialRequest? ParseCredential(SetupRequestInput input, List<InputError> errors)
    {
        if (input.Certificate && input.SecretDays is not null)
        {
            errors.Add(new("--secret-days/--certificate", input.SecretDays, "give either --secret-days for a client secret or --certificate, not both."));
            return null;
        }
        if (input.Certificate) return new CredentialRequest.Certificate(CredentialRequest.CertificateDays);
        if (input.SecretDays is null) return new CredentialRequest.ClientSecret(CredentialRequest.DefaultSecretDays);
        if (int.TryParse(input.SecretDays.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var days)
            && days is >= 1 and <= CredentialRequest.MaxSecretDays)
            return new CredentialRequest.ClientSecret(days);
        errors.Add(new("--secret-days", input.SecretDays, $"'{input.SecretDays}' is not a lifetime Entra accepts; expected a whole number of days from 1 to {CredentialRequest.MaxSecretDays}."));
        return null;
    }

    private static IReadOnlyList<string> ParseMailboxes(SetupRequestInput input, List<InputError> errors)
    {
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var mailboxes = new List<string>();

        void Add(string option, string raw, string origin)
        {
            var address = raw.Trim();
            var problem = MailboxAddress.Problem(address);
            if (problem is not null)
            {
                errors.Add(new(option, raw, $"{origin}'{Shorten(raw)}' {problem}; expected an address like support@contoso.com."));
                return;
            }
            if (seen.TryGetValue(address, out var first))
            {
                errors.Add(new(option, raw, $"{origin}'{address}' is listed twice (first {first}); give each mailbox once."));
                return;
            }
            seen[address] = origin.Length == 0 ? "as --mailbox" : origin.TrimEnd(':', ' ');
            mailboxes.Add(address);
        }

        foreach (var mailbox in input.Mailboxes) Add("--mailbox", mailbox, "");
        foreach (var file in input.MailboxFiles)
        {
            var lines = file.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0 || line.StartsWith('#')) continue;
                Add("--mailboxes-file", line, $"{file.Name} line {i + 1}: ");
            }
        }
        return mailboxes;
    }

    private static Cloud? ParseCloud(string? text, List<InputError> errors)
    {
        if (text is null) return CloudCatalog.Global;
        if (CloudCatalog.TryParse(text, out var cloud)) return cloud;
        var near = NameSuggestions.Nearest(text, CloudCatalog.Keys);
        var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
        errors.Add(new("--cloud", text, $"unknown cloud '{text}'{hint}; expected one of {string.Join(", ", CloudCatalog.Keys)}."));
        return null;
    }

    private static MailboxScoping? ParseScoping(SetupRequestInput input, IReadOnlyList<Preset>? presets, List<InputError> errors)
    {
        if (input.Scope is null)
        {
            if (input.ScopeGroup is null) return MailboxScoping.Unscoped;
            errors.Add(new("--scope-group", input.ScopeGroup, "is only used with --scope rbac or --scope access-policy; add --scope or drop the group."));
            return null;
        }
        var kind = input.Scope.Trim().ToLowerInvariant();
        if (kind is not ("rbac" or "access-policy"))
        {
            errors.Add(new("--scope", input.Scope, $"unknown scoping '{input.Scope}'; expected rbac (recommended) or access-policy (legacy)."));
            return null;
        }
        if (string.IsNullOrWhiteSpace(input.ScopeGroup))
        {
            errors.Add(new("--scope-group", input.ScopeGroup, $"is required with --scope {kind}; expected the address of a mail-enabled security group, e.g. mail-apps@contoso.com."));
            return null;
        }
        var group = input.ScopeGroup.Trim();
        var problem = MailboxAddress.Problem(group);
        if (problem is not null)
        {
            errors.Add(new("--scope-group", input.ScopeGroup, $"'{Shorten(input.ScopeGroup)}' {problem}; expected the address of a mail-enabled security group."));
            return null;
        }
        if (presets is null) return null;
        var permissions = presets.SelectMany(p => p.Permissions).ToList();
        if (kind == "rbac" && !permissions.Any(p => p.ExchangeRbacRole is not null))
        {
            errors.Add(new("--scope", input.Scope, $"rbac scopes Graph mail and SMTP roles, and presets {Names(presets)} have none (there is no RBAC role for IMAP or POP: limit those with FullAccess per mailbox); expected a preset among graph-mail, graph-send, graph-gateway, smtp-app, delegated-mail."));
            return null;
        }
        if (kind == "access-policy" && !permissions.Any(p => p.Resource == ApiResource.MicrosoftGraph && p.Kind == PermissionKind.Application))
        {
            errors.Add(new("--scope", input.Scope, $"an application access policy only limits Graph and EWS, and presets {Names(presets)} have no Graph application permission; expected a Graph preset, or --scope rbac."));
            return null;
        }
        return kind == "rbac" ? new MailboxScoping.Rbac(group) : new MailboxScoping.AccessPolicy(group);
    }

    private static void CheckSendAs(SetupRequestInput input, IReadOnlyList<Preset>? presets, IReadOnlyList<string> mailboxes, List<InputError> errors)
    {
        if (!input.SendAs) return;
        if (mailboxes.Count == 0 && !errors.Any(e => e.Option is "--mailbox" or "--mailboxes-file"))
            errors.Add(new("--send-as", null, "grants SendAs on the given mailboxes, and none were given; add --mailbox ADDR or --mailboxes-file F."));
        if (presets is not null && !presets.Any(p => p.Name is "smtp-app" or "graph-send" or "delegated-mail"))
            errors.Add(new("--send-as", null, $"only matters when the app sends mail, and presets {Names(presets)} do not send; expected smtp-app, graph-send or delegated-mail."));
    }

    private static string Names(IEnumerable<Preset> presets) => string.Join(",", presets.Select(p => p.Name));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
