namespace MailSetupTui.Tests.Support;

/// <summary>A fresh folder for one test's files, deleted afterwards.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(PathName);

    public string PathName { get; } = Path.Combine(Path.GetTempPath(), "mailsetup-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string name) => Path.Combine(PathName, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(PathName, recursive: true);
}
