using System.Globalization;
using MailSetup.Sandbox.State;

namespace MailSetup.App;

/// <summary>
/// The one place that decides where the tool keeps what it writes: the sandbox tenant, apply
/// journals, secrets nobody was at a terminal to see, generated certificates and the sandbox mail
/// servers' certificate. Everything lives under one root, by default the XDG state folder
/// (<c>$XDG_STATE_HOME/mailsetup</c>, else <c>~/.local/state/mailsetup</c>); tests give a temporary one.
/// </summary>
public sealed class StateFolders(string root)
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The XDG state folder of the user the environment describes.</summary>
    public static StateFolders FromEnvironment(IEnvironment environment)
    {
        var stateHome = environment.Get("XDG_STATE_HOME");
        if (string.IsNullOrWhiteSpace(stateHome))
            stateHome = Path.Combine(environment.Get("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        return new StateFolders(Path.Combine(stateHome, "mailsetup"));
    }

    /// <summary>The sandbox tenant, kept between runs.</summary>
    public SandboxStateStore SandboxStore => new(Path.Combine(Root, "sandbox-tenant.json"));

    /// <summary>The sandbox mail servers' certificate (public), for curl's --cacert or a client's trust store.</summary>
    public string SandboxMailCertificate => Path.Combine(Root, "sandbox-mail.pem");

    /// <summary>Where an apply's generated certificates and their private keys go.</summary>
    public string Certificates => Path.Combine(Root, "certificates");

    public string Journals => Path.Combine(Root, "journals");

    public string Secrets => Path.Combine(Root, "secrets");

    /// <summary>
    /// A new apply run's journal, named for when it started and unique: two runs started in the same
    /// second (or under a fixed clock) must never write one journal.
    /// </summary>
    public string NewJournal(DateTimeOffset now) => Path.Combine(Journals, $"apply-{Stamp(now)}-{Guid.NewGuid().ToString("N")[..8]}.jsonl");

    /// <summary>
    /// A new file name for a secret nobody was at a terminal to see, in the owner-only secrets folder
    /// (created here). <paramref name="label"/> names the app; anything but letters and digits becomes '-'.
    /// </summary>
    public string NewSecretFile(string label, DateTimeOffset now)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(Secrets);
        else Directory.CreateDirectory(Secrets, OwnerOnlyFolder);
        var name = new string(label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        return Path.Combine(Secrets, $"{name}-{Stamp(now)}.secret");
    }

    /// <summary>A file the admin named (an export, a secret saved from the UI): relative names are taken from the working directory, as a shell
    /// would.</summary>
    public static string FileNamed(string given) => Path.GetFullPath(given);

    private static string Stamp(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
