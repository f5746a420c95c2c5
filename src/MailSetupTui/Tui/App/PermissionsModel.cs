using MailSetup.Core.Catalog;

namespace MailSetupTui.Tui.App;

/// <summary>One permission's state along the chain: asked for by the chosen presets, consented in the tenant, carried by a fresh token.</summary>
public sealed record PermissionRow(string Resource, string Name, PermissionKind Kind, bool Configured, bool? Consented, bool? InToken)
{
    /// <summary>Configured but not (yet) consented or not in the token: what the admin must look at.</summary>
    public bool HasGap => Configured && (Consented == false || InToken == false);
}

/// <summary>The Permissions pane: the preset picker and, per permission, configured / consented / in token.</summary>
public sealed record PermissionsModel(IReadOnlySet<string> Selected, int Cursor = 0, IReadOnlySet<string>? Consented = null,
    IReadOnlySet<string>? InToken = null)
{
    public static PermissionsModel Initial { get; } = new(new HashSet<string>(["imap-app"]));

    public IReadOnlyList<Preset> Presets => PresetCatalog.All;

    public IReadOnlyList<PermissionRow> Rows =>
        Presets.Where(p => Selected.Contains(p.Name))
            .SelectMany(p => p.Permissions)
            .DistinctBy(p => (p.Resource.Key, p.Name, p.Kind))
            // Consent and token are read for Exchange Online (the mail token's resource); Graph's stay unknown rather than look missing.
            .Select(p => p.Resource == ApiResource.ExchangeOnline
                ? new PermissionRow(p.Resource.DisplayName, p.Name, p.Kind, true, Consented?.Contains(p.Name), InToken?.Contains(p.Name))
                : new PermissionRow(p.Resource.DisplayName, p.Name, p.Kind, true, null, null))
            .ToList();
}
