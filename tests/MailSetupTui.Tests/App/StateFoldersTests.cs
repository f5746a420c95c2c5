using MailSetup.App;
using MailSetup.Testing;

namespace MailSetupTui.Tests.App;

/// <summary>Where the tool keeps what it writes: decided by <see cref="StateFolders"/> alone, from the environment it is given.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateFoldersTests
{
    [Fact]
    public void XDG_STATE_HOME_wins_over_HOME()
    {
        var folders =
            StateFolders.FromEnvironment(
                new DictionaryEnvironment(new Dictionary<string, string> { ["XDG_STATE_HOME"] = "/srv/state", ["HOME"] = "/home/admin" }));
        Assert.Equal("/srv/state/mailsetup", folders.Root);
        Assert.Equal("/srv/state/mailsetup/sandbox-tenant.json", folders.SandboxStore.Path);
    }

    [Fact]
    public void Without_XDG_STATE_HOME_the_state_is_under_HOME()
    {
        var folders = StateFolders.FromEnvironment(new DictionaryEnvironment(new Dictionary<string, string> { ["HOME"] = "/home/admin" }));
        Assert.Equal("/home/admin/.local/state/mailsetup", folders.Root);
    }

    [Fact]
    public void Journals_are_unique_and_named_for_the_time_and_secrets_get_an_owner_only_folder()
    {
        using var temp = new TempFolder();
        var folders = new StateFolders(temp.Path);
        var now = new DateTimeOffset(2026, 12, 7, 23, 5, 9, TimeSpan.FromHours(1));

        var journal = folders.NewJournal(now);
        Assert.Matches(@"^apply-20261207-220509-[0-9a-f]{8}\.jsonl$", Path.GetFileName(journal));
        Assert.Equal(Path.Combine(temp.Path, "journals"), Path.GetDirectoryName(journal));
        Assert.NotEqual(journal, folders.NewJournal(now));
        var secret = folders.NewSecretFile("Mail Relay/imap", now);
        Assert.Equal(Path.Combine(temp.Path, "secrets", "Mail-Relay-imap-20261207-220509.secret"), secret);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folders.Secrets));
    }

    [Fact]
    public async Task A_secret_file_is_new_and_owner_only_and_never_overwrites()
    {
        using var temp = new TempFolder();
        var path = temp.File("app.secret");

        await SecretFile.WriteNewAsync(path, "canary-secret-value", CancellationToken.None);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        await Assert.ThrowsAsync<IOException>(() => SecretFile.WriteNewAsync(path, "another", CancellationToken.None));
        Assert.Equal("canary-secret-value\n", await File.ReadAllTextAsync(path));
    }
}
