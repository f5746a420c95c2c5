using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Execution;

/// <summary>The key pair a certificate plan makes: whole or not at all, so a stopped run never leaves a file the next run would trust.</summary>
public sealed class CertificateMakerTests
{
    private static LocalStep Step() => TestPlans.Build(PlanCases.All["smtp-app-certificate"]).Steps.OfType<LocalStep>().Single();

    [Fact]
    public async Task A_run_stopped_while_saving_leaves_no_file_and_the_next_run_makes_a_good_one()
    {
        using var folder = new TempFolder();
        var maker = new CertificateMaker(folder.Path, TestClock.Default);
        var step = Step();
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => maker.RunAsync(step, stopped.Token));
        Assert.Empty(Directory.GetFiles(folder.Path));

        var made = await maker.RunAsync(step, CancellationToken.None);
        Assert.True(made.Made);
        var file = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.Contains("BEGIN PRIVATE KEY", await File.ReadAllTextAsync(file));

        var again = await maker.RunAsync(step, CancellationToken.None);
        Assert.False(again.Made);
        Assert.Equal(made.Values[References.CertificateThumbprint.Name], again.Values[References.CertificateThumbprint.Name]);
    }
}
