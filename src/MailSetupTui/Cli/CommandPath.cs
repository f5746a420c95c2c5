using System.CommandLine;
using System.CommandLine.Parsing;

namespace MailSetupTui.Cli;

/// <summary>The words that name the command a parse ended in, e.g. "mailsetup plan".</summary>
internal static class CommandPath
{
    public static string Of(ParseResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result.CommandResult; current is not null; current = current.Parent)
        {
            if (current is CommandResult command) names.Add(command.Command.Name);
        }
        names.Reverse();
        return string.Join(' ', names);
    }
}
