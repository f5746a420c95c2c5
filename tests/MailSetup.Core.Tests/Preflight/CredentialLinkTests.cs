using MailSetup.Core.Catalog;
using MailSetup.Core.Preflight;
using MailSetup.Core.Setup;

namespace MailSetup.Core.Tests.Preflight;

/// <summary>The credential link of preflight for apps without a client secret: judged, never a crash ("Sequence contains no elements").</summary>
public sealed class CredentialLinkTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static MailAppSetup Setup(IReadOnlyList<AppCredentialExpiry> secrets, IReadOnlyList<AppCredentialExpiry> certificates) => new(
        "170e9431-6456-41f0-88f8-1aaae866beaf",
        new MailAppRegistration("94ec3d2b-0000-0000-0000-000000000001", "Mail App", false, secrets, certificates),
        "15ad58a6-0000-0000-0000-000000000001",
        new HashSet<string> { "IMAP.AccessAsApp" }, new HashSet<string>(), null, null, false);

    [Fact]
    public void An_app_with_only_a_certificate_has_no_secret_expiry_and_a_passing_credential_link()
    {
        var setup = Setup([], [new AppCredentialExpiry("CN=mailsetup", Now.AddDays(300))]);

        Assert.Null(setup.SecretExpiresOn);
        var links = SetupLinks.Judge(setup, [MailProtocol.Imap], Now).ToList();
        Assert.Equal(PreflightStatus.Passed, links.Single(l => l.Key == "credential").Status);
    }

    [Fact]
    public void An_app_with_no_credential_at_all_fails_the_credential_link_without_a_crash()
    {
        var setup = Setup([], []);

        Assert.Null(setup.SecretExpiresOn);
        var links = SetupLinks.Judge(setup, [MailProtocol.Imap], Now).ToList();
        Assert.Equal(PreflightStatus.Failed, links.Single(l => l.Key == "credential").Status);
    }
}
