using System.Text.Json;
using MailSetup.Core.Catalog;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

public sealed class PresetsCommandTests
{
    public static TheoryData<string> PresetNames { get; } = new(PresetCatalog.Names);

    [Theory]
    [MemberData(nameof(PresetNames))]
    public async Task Table_lists_each_preset_with_its_procedure_and_first_permission(string name)
    {
        var result = await CliRunner.RunAsync("presets");
        Assert.Equal(0, result.ExitCode);
        var row = result.Stdout.Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        var preset = PresetCatalog.Get(name);
        Assert.Contains("Follows " + preset.Procedure + ".", result.Stdout.Replace("\n   ", " ").Replace("\n  ", " "));
        Assert.Contains($"{preset.Permissions[0].QualifiedName} ({preset.Permissions[0].Kind.ToString().ToLowerInvariant()})", row);
        Assert.Contains(preset.Summary, result.Stdout.Replace("\n   ", " ").Replace("\n  ", " "));
    }

    [Fact]
    public async Task Table_fits_eighty_columns_and_puts_one_permission_a_line()
    {
        var result = await CliRunner.RunAsync("presets");
        var lines = result.Stdout.Split('\n');
        Assert.DoesNotContain("seed", result.Stdout, StringComparison.OrdinalIgnoreCase);
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
        Assert.StartsWith("NAME", lines[0]);
        Assert.Contains(lines, l => l.Trim() == "graph:GroupMember.Read.All (application)");
        Assert.Contains(lines, l => l.Trim() == "graph:IMAP.AccessAsUser.All (delegated)");
        Assert.Contains(lines, l => l.Contains("exo:IMAP.AccessAsApp (application)"));
    }

    [Fact]
    public async Task JSON_is_an_array_of_every_preset_with_its_procedure_and_permissions()
    {
        var result = await CliRunner.RunAsync("presets", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var presets = json.RootElement.EnumerateArray().ToList();
        Assert.Equal<string>(["imap-app", "pop-app", "smtp-app", "graph-mail", "graph-send", "graph-gateway", "delegated-mail"],
            presets.Select(p => p.GetProperty("name").GetString()!).ToArray());
        foreach (var (element, preset) in presets.Zip(PresetCatalog.All))
        {
            Assert.Equal(preset.Procedure, element.GetProperty("procedure").GetString());
            Assert.Equal(preset.Summary, element.GetProperty("summary").GetString());
            var permissions = element.GetProperty("permissions").EnumerateArray().ToList();
            Assert.Equal(preset.Permissions.Select(p => p.Id.ToString()), permissions.Select(p => p.GetProperty("id").GetString()));
            Assert.Equal(preset.Permissions.Select(p => p.Resource.Key), permissions.Select(p => p.GetProperty("resource").GetString()));
        }
        var imap = presets[0].GetProperty("permissions")[0];
        Assert.Equal("IMAP.AccessAsApp", imap.GetProperty("name").GetString());
        Assert.Equal("application", imap.GetProperty("kind").GetString());
        Assert.Equal<string>(["imap"], presets[0].GetProperty("appOnlyProtocols").EnumerateArray().Select(p => p.GetString()!).ToArray());
    }

    [Fact]
    public async Task Unknown_format_is_a_usage_error()
    {
        CliAssert.UsageError(await CliRunner.RunAsync("presets", "--format", "yml"), "--format", "unknown format 'yml'; expected one of text, json.",
            command: "mailsetup presets");
    }
}
