using MailSetup.Core.Identity;

namespace MailSetupTui.Cli;

/// <summary>
/// --certificate-path, checked when the command line is: the file must load as a certificate with its
/// private key (what sign-in will need), so a binary, empty or endless file is bad input, not a crash mid-run.
/// </summary>
internal static class CertificateInput
{
    /// <summary>A PEM or PFX of one certificate and its key is a few KB.</summary>
    public const int MaxBytes = 1024 * 1024;

    private const string Expected = "a PEM file with the certificate and its private key, or a PFX";

    /// <summary>Null when <paramref name="path"/> holds a usable certificate and key, else what is wrong.</summary>
    public static string? Problem(string path)
    {
        var (bytes, problem) = InputFile.ReadBytes(path, MaxBytes, Expected);
        if (bytes is null) return problem;
        if (bytes.Length == 0) return $"{InputFile.Shown(path)} is empty; expected {Expected}.";
        try
        {
            using var certificate = CertificateFile.Load(path);
            return null;
        }
        catch (SignInConfigurationException e)
        {
            return $"{InputFile.Shown(path)} is not usable: {e.Message.Replace($"The certificate file '{path}' ", "", StringComparison.Ordinal)}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {InputFile.Shown(path)}: {FileProblem.Reason(path, e)}; expected {Expected}.";
        }
    }
}
