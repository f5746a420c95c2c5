using System.Globalization;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Core.Plans;

/// <summary>
/// Checks a typed setup request and builds a <see cref="SetupRequest"/>. Every problem is reported
/// (not just the first), each keyed by field, naming the bad value and what is expected. Messages
/// name fields the caller's way (<see cref="ISetupFieldNames"/>): no front end's words are built in.
/// </summary>
public static class SetupRequestParser
{
    public const int MaxAppNameLength = 120;

    /// <summary>Checks <paramref name="input"/>, naming fields as its properties are named.</summary>
    public static (SetupRequest? Request, IReadOnlyList<InputError> Errors) Parse(SetupRequestInput input) =>
        Parse(input, InputPropertyNames.Instance);

    public static (SetupRequest? Request, IReadOnlyList<InputError> Errors) Parse(SetupRequestInput input, ISetupFieldNames names)
    {
        var check = new Checks(input, names);
        var presets = check.Presets();
        var app = check.App();
        var flow = check.DelegatedFlow(presets);
        var credential = flow.PublicClient ? check.NoCredential() : check.Credential();
        var mailboxes = check.Mailboxes();
        var cloud = check.Cloud();
        var scoping = check.Scoping(presets);
        check.SendAs(presets, mailboxes);
        var smtpAuth = check.SmtpAuth(presets);

        if (check.Errors.Count > 0) return (null, check.Errors);
        return (new SetupRequest(app!, presets!, credential!, mailboxes, input.SendAs, scoping!, cloud!, smtpAuth) { DelegatedFlow = flow.Flow },
            check.Errors);
    }

    /// <summary>One parse: the input, how the caller names its fields, and the problems found so far.</summary>
    private sealed class Checks(SetupRequestInput input, ISetupFieldNames names)
    {
        public List<InputError> Errors { get; } = [];

        private string Name(SetupField field) => names.Name(field);

        private string Usage(SetupField field) => names.Usage(field);

        private void Fail(SetupField field, string? value, string message, params SetupField[] others) =>
            Errors.Add(new InputError(field, value, message) { Others = others });

        public IReadOnlyList<Preset>? Presets()
        {
            var text = input.Presets;
            if (string.IsNullOrWhiteSpace(text))
            {
                Fail(SetupField.Presets, text,
                    $"is required; expected one or more of {string.Join(", ", PresetCatalog.Names)}, separated by commas.");
                return null;
            }
            try
            {
                return PresetCatalog.ParseList(text);
            }
            catch (ArgumentException e)
            {
                Fail(SetupField.Presets, text, e.Message);
                return null;
            }
        }

        public AppTarget? App()
        {
            if (input.AppName is not null && input.AppId is not null)
            {
                Fail(SetupField.AppName, $"{input.AppName} / {input.AppId}",
                    $"give either {Name(SetupField.AppName)} to create an app or {Name(SetupField.AppId)} to adopt one, not both.",
                    SetupField.AppId);
                return null;
            }
            if (input.AppId is not null)
            {
                if (Guid.TryParseExact(input.AppId.Trim(), "D", out var appId) && appId != Guid.Empty)
                    return new AppTarget.Existing(appId);
                Fail(SetupField.AppId, input.AppId,
                    $"'{input.AppId}' is not an application (client) id; expected a GUID like 1b2c3d4e-0000-4000-8000-123456789abc.");
                return null;
            }
            if (input.AppName is null)
            {
                Fail(SetupField.AppName, null,
                    $"is required: {Usage(SetupField.AppName)} to create an app, or {Usage(SetupField.AppId)} to adopt one.",
                    SetupField.AppId);
                return null;
            }
            var name = input.AppName.Trim();
            if (name.Length == 0)
                Fail(SetupField.AppName, input.AppName, "is empty; expected a display name of 1 to 120 characters.");
            else if (name.Length > MaxAppNameLength)
                Fail(SetupField.AppName, Shorten(input.AppName), $"is {name.Length} characters long; expected at most {MaxAppNameLength}.");
            else if (name.Any(char.IsControl))
                Fail(SetupField.AppName, input.AppName, "contains control characters; expected printable text.");
            else if (name.IndexOfAny(['{', '}']) >= 0)
                Fail(SetupField.AppName, input.AppName,
                    $"'{input.AppName}' contains {{ or }}, which plans use to mark values known only at run time; expected a name without braces.");
            else
                return new AppTarget.New(name);
            return null;
        }

        public CredentialRequest? Credential()
        {
            if (input.Certificate && input.SecretDays is not null)
            {
                Fail(SetupField.SecretDays, input.SecretDays,
                    $"give either {Name(SetupField.SecretDays)} for a client secret or {Name(SetupField.Certificate)}, not both.",
                    SetupField.Certificate);
                return null;
            }
            if (input.Certificate) return new CredentialRequest.Certificate(CredentialRequest.CertificateDays);
            if (input.SecretDays is null) return new CredentialRequest.ClientSecret(CredentialRequest.DefaultSecretDays);
            if (int.TryParse(input.SecretDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var days)
                && days is >= 1 and <= CredentialRequest.MaxSecretDays)
                return new CredentialRequest.ClientSecret(days);
            Fail(SetupField.SecretDays, input.SecretDays,
                $"'{input.SecretDays}' is not a lifetime Entra accepts; "
                + $"expected a whole number of days from 1 to {CredentialRequest.MaxSecretDays}.");
            return null;
        }

        /// <summary>
        /// The sign-in shape of a delegated setup. Device code (the default) makes a public client with no credential, which fits only
        /// presets with delegated permissions; the flow means nothing for presets without them.
        /// </summary>
        public (DelegatedFlow Flow, bool PublicClient) DelegatedFlow(IReadOnlyList<Preset>? presets)
        {
            var delegated = presets?.Any(p => p.Permissions.Any(q => q.Kind == PermissionKind.Delegated)) ?? false;
            var flow = Plans.DelegatedFlow.DeviceCode;
            if (input.DelegatedFlow is { } text && !DelegatedFlows.TryParse(text, out flow))
            {
                Fail(SetupField.DelegatedFlow, text,
                    $"'{Shorten(text)}' is not a sign-in flow; expected {DelegatedFlows.DeviceName} (a public client: device code, no secret) " +
                    $"or {DelegatedFlows.PasswordName} (a confidential client: the password flow with a client secret).");
                return (flow, false);
            }
            if (input.DelegatedFlow is not null && presets is not null && !delegated)
                Fail(SetupField.DelegatedFlow, input.DelegatedFlow,
                    "goes with a preset that has delegated permissions (delegated-mail); the presets given sign in as the app itself.");
            var publicClient = delegated && flow == Plans.DelegatedFlow.DeviceCode;
            var appOnly = presets?.Where(p => p.Permissions.All(q => q.Kind == PermissionKind.Application)).Select(p => p.Name).ToList() ?? [];
            if (publicClient && appOnly.Count > 0)
                Fail(SetupField.DelegatedFlow, input.DelegatedFlow ?? DelegatedFlows.DeviceName,
                    $"{string.Join(", ", appOnly)} sign(s) in as the app, which needs a client secret or certificate, and a device-code app is " +
                    $"a public client with none: add {Name(SetupField.DelegatedFlow)} {DelegatedFlows.PasswordName}, or set the two up as " +
                    "separate apps.", SetupField.Presets);
            return (flow, publicClient);
        }

        /// <summary>A public client has no credential: asking for one is a contradiction, named.</summary>
        public CredentialRequest? NoCredential()
        {
            if (!input.Certificate && input.SecretDays is null) return new CredentialRequest.None();
            var field = input.Certificate ? SetupField.Certificate : SetupField.SecretDays;
            Fail(field, input.SecretDays ?? "true",
                $"a device-code app is a public client and holds no secret or certificate; for a credential add " +
                $"{Name(SetupField.DelegatedFlow)} {DelegatedFlows.PasswordName} (the password flow, a confidential client).",
                SetupField.DelegatedFlow);
            return null;
        }

        public IReadOnlyList<string> Mailboxes()
        {
            var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var mailboxes = new List<string>();

            void Add(SetupField field, string raw, string origin)
            {
                var address = raw.Trim();
                var problem = MailboxAddress.Problem(address);
                if (problem is not null)
                {
                    Fail(field, raw, $"{origin}'{Shorten(raw)}' {problem}; expected an address like support@contoso.com.");
                    return;
                }
                if (seen.TryGetValue(address, out var first))
                {
                    Fail(field, raw, $"{origin}'{address}' is listed twice (first {first}); give each mailbox once.");
                    return;
                }
                seen[address] = origin.Length == 0 ? $"as {Name(SetupField.Mailboxes)}" : origin.TrimEnd(':', ' ');
                mailboxes.Add(address);
            }

            foreach (var mailbox in input.Mailboxes) Add(SetupField.Mailboxes, mailbox, "");
            foreach (var file in input.MailboxFiles)
            {
                var lines = file.Text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    var line = lines[i].Trim();
                    if (line.Length == 0 || line.StartsWith('#')) continue;
                    Add(SetupField.MailboxFiles, line, $"{file.Name} line {i + 1}: ");
                }
            }
            return mailboxes;
        }

        public Cloud? Cloud()
        {
            var text = input.Cloud;
            if (text is null) return CloudCatalog.Global;
            if (CloudCatalog.TryParse(text, out var cloud)) return cloud;
            var near = NameSuggestions.Nearest(text, CloudCatalog.Keys);
            var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
            Fail(SetupField.Cloud, text, $"unknown cloud '{text}'{hint}; expected one of {string.Join(", ", CloudCatalog.Keys)}.");
            return null;
        }

        public MailboxScoping? Scoping(IReadOnlyList<Preset>? presets)
        {
            var scope = Name(SetupField.Scope);
            if (input.Scope is null)
            {
                if (input.ScopeGroup is null) return MailboxScoping.Unscoped;
                Fail(SetupField.ScopeGroup, input.ScopeGroup,
                    $"is only used with {scope} rbac or {scope} access-policy; add {scope} or drop the group.");
                return null;
            }
            var kind = input.Scope.Trim().ToLowerInvariant();
            if (kind is not ("rbac" or "access-policy"))
            {
                Fail(SetupField.Scope, input.Scope, $"unknown scoping '{input.Scope}'; expected rbac (recommended) or access-policy (legacy).");
                return null;
            }
            // RBAC scopes take any of the three mail-enabled group kinds; an access policy only a mail-enabled security group.
            var groupKinds = kind == "rbac"
                ? "a Microsoft 365 group, mail-enabled security group or distribution list"
                : "a mail-enabled security group";
            if (string.IsNullOrWhiteSpace(input.ScopeGroup))
            {
                Fail(SetupField.ScopeGroup, input.ScopeGroup,
                    $"is required with {scope} {kind}; expected the address of {groupKinds}, e.g. mail-apps@contoso.com.");
                return null;
            }
            var group = input.ScopeGroup.Trim();
            var problem = MailboxAddress.Problem(group);
            if (problem is not null)
            {
                Fail(SetupField.ScopeGroup, input.ScopeGroup,
                    $"'{Shorten(input.ScopeGroup)}' {problem}; expected the address of {groupKinds}.");
                return null;
            }
            if (presets is null) return null;
            var permissions = presets.SelectMany(p => p.Permissions).ToList();
            if (kind == "rbac" && !permissions.Any(p => p.ExchangeRbacRole is not null))
            {
                Fail(SetupField.Scope, input.Scope,
                    $"rbac scopes Graph mail and SMTP roles, and presets {PresetNames(presets)} have none "
                    + "(there is no RBAC role for IMAP or POP: limit those with FullAccess per mailbox); "
                    + "expected a preset among graph-mail, graph-send, graph-gateway, smtp-app, delegated-mail.");
                return null;
            }
            if (kind == "access-policy" && !permissions.Any(p => p.Resource == ApiResource.MicrosoftGraph && p.Kind == PermissionKind.Application))
            {
                Fail(SetupField.Scope, input.Scope,
                    $"an application access policy only limits Graph and EWS, "
                    + $"and presets {PresetNames(presets)} have no Graph application permission; "
                    + $"expected a Graph preset, or {scope} rbac.");
                return null;
            }
            return kind == "rbac" ? new MailboxScoping.Rbac(group) : new MailboxScoping.AccessPolicy(group);
        }

        public void SendAs(IReadOnlyList<Preset>? presets, IReadOnlyList<string> mailboxes)
        {
            if (!input.SendAs) return;
            if (mailboxes.Count == 0 && !Errors.Any(e => e.Field is SetupField.Mailboxes or SetupField.MailboxFiles))
                Fail(SetupField.SendAs, null,
                    "grants SendAs on the given mailboxes, and none were given; "
                    + $"add {Usage(SetupField.Mailboxes)} or {Usage(SetupField.MailboxFiles)}.");
            if (presets is null) return;
            // SendAs is a mailbox permission Exchange checks for SMTP; Graph's Mail.Send needs none and cannot be narrowed by it.
            var smtpSending = presets.Any(p => p.Name is "smtp-app" or "delegated-mail");
            if (!smtpSending && presets.Any(p => p.Name == "graph-send"))
                Fail(SetupField.SendAs, null,
                    $"adds nothing to graph-send: Graph's Mail.Send already lets the app send as any user "
                    + $"(limit which users with {Name(SetupField.Scope)} rbac), and SendAs only matters for sending over SMTP; "
                    + $"drop {Name(SetupField.SendAs)}, or add smtp-app to send over SMTP.");
            else if (!smtpSending)
                Fail(SetupField.SendAs, null,
                    $"only matters when the app sends mail over SMTP, and presets {PresetNames(presets)} do not; "
                    + "expected smtp-app or delegated-mail.");
        }

        public SmtpAuthScope SmtpAuth(IReadOnlyList<Preset>? presets)
        {
            if (input.SmtpAuth is null) return SmtpAuthScope.Mailbox;
            var kind = input.SmtpAuth.Trim().ToLowerInvariant();
            if (kind is not ("mailbox" or "tenant"))
            {
                Fail(SetupField.SmtpAuth, input.SmtpAuth,
                    $"unknown SMTP AUTH setting '{Shorten(input.SmtpAuth)}'; expected mailbox (default: turned on for the given mailboxes only) "
                    + "or tenant (for every mailbox).");
                return SmtpAuthScope.Mailbox;
            }
            var smtp = presets?.Any(p => p.AppOnlyProtocols.Contains(MailProtocol.Smtp) || p.DelegatedProtocols.Contains(MailProtocol.Smtp));
            if (kind == "tenant" && smtp == false)
                Fail(SetupField.SmtpAuth, input.SmtpAuth,
                    $"only matters when the app logs in over SMTP, and presets {PresetNames(presets!)} do not; "
                    + "expected smtp-app or delegated-mail, or drop it.");
            return kind == "tenant" ? SmtpAuthScope.Tenant : SmtpAuthScope.Mailbox;
        }
    }

    private static string PresetNames(IEnumerable<Preset> presets) => string.Join(",", presets.Select(p => p.Name));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
