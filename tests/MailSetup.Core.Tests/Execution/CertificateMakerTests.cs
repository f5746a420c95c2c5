using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Execution;

/// <summary>The key pair a certificate plan makes: whole or not at all, new on every run, readable only by its owner.</summary>
public sealed class CertificateMakerTests
{
    private static LocalStep Step() => TestPlans.Build(PlanCases.All["smtp-app-certificate"]).Steps.OfType<LocalStep>().Single();

    [Fact]
    public async Task A_run_stopped_while_saving_leaves_no_file_and_the_next_run_makes_a_good_one_with_mode_0600()
    {
        using var folder = new TempFolder();
        var certificates = Path.Combine(folder.Path, "certificates");
        var maker = new CertificateMaker(certificates, TestClock.Default);
        var step = Step();
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => maker.RunAsync(step, stopped.Token));
        Assert.Empty(Directory.Exists(certificates) ? Directory.GetFiles(certificates) : []);

        var made = await maker.RunAsync(step, CancellationToken.None);
        Assert.True(made.Made);
        var file = Assert.Single(Directory.GetFiles(certificates));
        Assert.Contains("BEGIN PRIVATE KEY", await File.ReadAllTextAsync(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(certificates));
        }
    }

    [Fact]
    public async Task Every_run_makes_a_new_key_pair_even_for_the_same_credential_name()
    {
        using var folder = new TempFolder();
        var maker = new CertificateMaker(folder.Path, TestClock.Default);

        var first = await maker.RunAsync(Step(), CancellationToken.None);
        var second = await maker.RunAsync(Step(), CancellationToken.None);

        Assert.True(second.Made);
        Assert.NotEqual(first.Values[References.CertificateThumbprint.Name], second.Values[References.CertificateThumbprint.Name]);
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
    }
}
