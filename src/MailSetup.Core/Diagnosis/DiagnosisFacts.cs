using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;
using MailSetup.Core.Mail.Probes;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// Everything known about one failed (or suspicious) login. Rules read what they need and stay
/// silent on what is missing; ids are used to fill fixes in.
/// </summary>
/// <param name="AppId">The app registration's client id.</param>
/// <param name="ServicePrincipalObjectId">The object id of the app's enterprise app (service principal).</param>
/// <param name="AppObjectId">The object id of the app registration (NOT what Exchange wants).</param>
/// <param name="Protocol">The protocol of the login; null checks the token for every protocol.</param>
/// <param name="ErrorText">The token endpoint's error (an AADSTS text or code).</param>
/// <param name="ServerAnswers">The server's lines of the conversation, as traced.</param>
/// <param name="Now">The time expiry is judged against.</param>
/// <param name="Probe">The login attempt itself, when one was made: its failure stage and TLS facts explain connection problems.</param>
public sealed record DiagnosisFacts(
    DateTimeOffset Now,
    string? AppId = null,
    string? ServicePrincipalObjectId = null,
    string? AppObjectId = null,
    string? Mailbox = null,
    string? Tenant = null,
    Cloud? Cloud = null,
    MailProtocol? Protocol = null,
    string? ErrorText = null,
    IReadOnlyList<string>? ServerAnswers = null,
    JwtClaims? Token = null,
    SetupState? Setup = null,
    MailProbeResult? Probe = null)
{
    public IReadOnlyList<string> Answers => ServerAnswers ?? [];

    // Placeholders in the shape the cmdlets' documentation uses, so an unknown id still reads as a usable template.
    public string AppIdOrPlaceholder => AppId ?? "<appId>";
    public string ServicePrincipalOrPlaceholder => ServicePrincipalObjectId ?? "<enterprise app (service principal) object id>";
    public string AppObjectIdOrPlaceholder => AppObjectId ?? "<app registration object id>";
    public string MailboxOrPlaceholder => Mailbox ?? "<mailbox>";
    public string TenantOrPlaceholder => Tenant ?? "<tenant>";
    public Cloud CloudOrGlobal => Cloud ?? CloudCatalog.Global;
}
