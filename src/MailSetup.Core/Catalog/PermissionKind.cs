namespace MailSetup.Core.Catalog;

/// <summary>Application permissions are Entra "app roles"; delegated ones are OAuth2 "scopes".</summary>
public enum PermissionKind
{
    Application,
    Delegated,
}
