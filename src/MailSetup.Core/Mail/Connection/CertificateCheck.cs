using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Core.Mail.Connection;

/// <summary>
/// Validates a server certificate with the system's rules, and if that fails because of an unknown root, once
/// more against the connection's own trusted certificates. A name mismatch is never forgiven.
/// </summary>
internal sealed class CertificateCheck(X509Certificate2Collection trusted)
{
    public string Result { get; private set; } = "not checked";
    public bool Trusted { get; private set; }
    public X509Certificate2? Certificate { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Result = "no certificate";
            return false;
        }

        Certificate = new X509Certificate2(certificate);
        if (errors == SslPolicyErrors.None)
        {
            (Result, Trusted) = ("valid (system trust)", true);
            return true;
        }

        if (errors == SslPolicyErrors.RemoteCertificateChainErrors && trusted.Count > 0)
        {
            // The system already built and checked the chain; when its only fault is that the root is not one the
            // system trusts and that root is one of ours, it is trusted without building the chain a second time.
            if (chain is { ChainElements.Count: > 0 } && chain.ChainStatus.All(s => s.Status == X509ChainStatusFlags.UntrustedRoot)
                && trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(chain.ChainElements[^1].Certificate.RawDataMemory.Span)))
            {
                (Result, Trusted) = ("valid (trusted by the given certificate)", true);
                return true;
            }

            using var custom = new X509Chain();
            custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            custom.ChainPolicy.CustomTrustStore.AddRange(trusted);
            custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
                foreach (var element in chain.ChainElements.Skip(1)) custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            if (custom.Build(Certificate))
            {
                (Result, Trusted) = ("valid (trusted by the given certificate)", true);
                return true;
            }
            Result = "untrusted: " + string.Join("; ", custom.ChainStatus.Select(s => s.StatusInformation.Trim()));
            return false;
        }

        var reasons = new List<string>();
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)) reasons.Add("name mismatch");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)) reasons.Add("no certificate");
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors))
            reasons.Add("chain: " + string.Join("; ", chain?.ChainStatus.Select(s => s.StatusInformation.Trim()) ?? []));
        Result = "untrusted: " + string.Join(", ", reasons);
        return false;
    }
}
