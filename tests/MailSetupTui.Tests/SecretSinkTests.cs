using MailSetup.App;
using MailSetup.Testing;
using MailSetupTui.Cli;

namespace MailSetupTui.Tests;

/// <summary>Where apply puts a new client secret when the --secret-out file fails after addPassword: a new 0600 file in the state folder.</summary>
public sealed class SecretSinkTests : IDisposable
{
    private const string Canary = "canary-secret-7f3c1e0b9d2a4c65";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_secret_out_file_that_fails_to_write_hands_the_secret_to_a_new_owner_only_file_in_the_state_folder()
    {
        var folders = new StateFolders(_folder.File("state"));
        var outPath = _folder.File("secret.txt");
        File.WriteAllText(outPath, "");
        await using var file = new SecretOutFile(outPath, new FailingStream());
        using var status = new StringWriter();
        var sink = new ApplySecretSink(file, terminal: null, () => folders.NewSecretFile("Mail Relay", DateTimeOffset.UnixEpoch), status);

        await sink.DeliverAsync("mailsetup 2026-12-08", Canary, DateTimeOffset.UnixEpoch, default);

        var saved = Assert.Single(Directory.GetFiles(folders.Secrets));
        Assert.Equal(Canary + "\n", File.ReadAllText(saved));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(saved));
        Assert.Contains($"could not write the new client secret to {outPath} (No space left on device); it is in {saved} (mode 0600)",
            status.ToString());
        Assert.DoesNotContain(Canary, status.ToString());
    }

    [Fact]
    public async Task A_secret_out_file_left_without_a_secret_is_removed()
    {
        var outPath = _folder.File("secret.txt");
        await using (SecretOutFile.Create(outPath)) Assert.True(File.Exists(outPath));
        Assert.False(File.Exists(outPath));
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("No space left on device");
        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("No space left on device");
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            throw new IOException("No space left on device");
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            throw new IOException("No space left on device");
    }
}
