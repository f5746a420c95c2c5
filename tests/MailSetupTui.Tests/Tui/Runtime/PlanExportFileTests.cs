using MailSetup.App;
using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.Tui.Runtime;

/// <summary>
/// The plan review's export (e), through the real effect runner: a new file only; an existing file or a
/// symbolic link (dangling or not) is refused and the UI says so, with the file and the link's target untouched.
/// </summary>
public sealed class PlanExportFileTests : IDisposable
{
    private readonly TempFolder _state = new();
    private readonly TempFolder _files = new();

    public void Dispose()
    {
        _state.Dispose();
        _files.Dispose();
    }

    private async Task<Msg> ExportAsync(string path)
    {
        await using var provider = TestServices.Collection(_state.Path).BuildServiceProvider();
        var services = ToolServices.From(provider);
        var (request, errors) = SetupRequestParser.Parse(
            new SetupRequestInput { Presets = "imap-app", AppName = "Mail", Mailboxes = ["a@contoso.com"] }, PaneFieldNames.Instance);
        Assert.Empty(errors);
        var answered = new TaskCompletionSource<Msg>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var runner = new EffectRunner(new TuiTarget(true, CloudCatalog.Global, null), services, m => answered.TrySetResult(m));
        runner.Run(new ExportPlanEffect(services.Plans.Build(request!), "text", path));
        return await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_new_file_gets_the_plan()
    {
        var path = _files.File("plan.txt");

        Assert.IsType<PlanExportedMsg>(await ExportAsync(path));

        Assert.Contains("Mail", File.ReadAllText(path));
    }

    [Fact]
    public async Task An_existing_file_is_refused_and_kept()
    {
        var path = _files.Write("plan.txt", "keep me\n");

        var failed = Assert.IsType<WorkFailedMsg>(await ExportAsync(path));

        Assert.Contains("exists already", failed.Problem);
        Assert.Equal("keep me\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_symbolic_link_is_refused_and_never_followed(bool targetExists)
    {
        var target = _files.File("target.txt");
        if (targetExists) File.WriteAllText(target, "keep me\n");
        var link = _files.File("plan.txt");
        File.CreateSymbolicLink(link, target);

        var failed = Assert.IsType<WorkFailedMsg>(await ExportAsync(link));

        Assert.Contains("is a symbolic link", failed.Problem);
        Assert.Equal(targetExists, File.Exists(target));
        if (targetExists) Assert.Equal("keep me\n", File.ReadAllText(target));
    }
}
