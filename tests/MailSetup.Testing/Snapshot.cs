using System.Text;
using Xunit.Sdk;

namespace MailSetup.Testing;

/// <summary>
/// Snapshot assertions with Verify's file names: the expected text lives in
/// <c>snapshots/&lt;folder&gt;/&lt;name&gt;.verified.txt</c>. A mismatch (or a missing file) writes
/// <c>&lt;name&gt;.received.txt</c> beside it and fails; a person reads the difference and accepts
/// it by renaming the received file (<c>scripts/accept-snapshots</c>). With the environment variable
/// <c>MAILSETUP_ACCEPT=1</c> the received text is accepted on the spot (for a deliberate change only).
/// </summary>
public static class Snapshot
{
    public const string AcceptVariable = "MAILSETUP_ACCEPT";

    public static void Verify(string folder, string name, string actual)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "snapshots", folder);
        var verified = Path.Combine(directory, name + ".verified.txt");
        var received = Path.Combine(directory, name + ".received.txt");
        var text = Normalize(actual);

        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == text)
        {
            File.Delete(received);
            return;
        }
        Directory.CreateDirectory(directory);
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verified, text, Utf8);
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, text, Utf8);
        throw new XunitException(File.Exists(verified)
            ? $"Snapshot {folder}/{name} differs from its verified text. {FirstDifference(Normalize(File.ReadAllText(verified)), text)}\nCompare: " +
                $"git diff --no-index {Relative(verified)} {Relative(received)}\nAccept: scripts/accept-snapshots"
            : $"Snapshot {folder}/{name} has no verified text yet. Read {Relative(received)}, then accept it with scripts/accept-snapshots.");
    }

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Snapshots compare with \n line ends and one final newline, whatever the platform wrote.</summary>
    private static string Normalize(string text) => text.Replace("\r\n", "\n").TrimEnd('\n') + "\n";

    private static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.Path, path);

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end>";
            var a = i < actualLines.Length ? actualLines[i] : "<end>";
            if (e != a) return $"First difference at line {i + 1}:\n  verified: {e}\n  received: {a}";
        }
        return "";
    }
}
