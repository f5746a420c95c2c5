namespace MailSetup.Core.Clouds;

/// <summary>The Microsoft 365 national clouds a tenant can live in.</summary>
public enum CloudName
{
    Global,
    UsGovHigh,
    UsGovDod,
    China,
}
