using System.CommandLine;
using System.CommandLine.Parsing;
using MailSetup.Core.Catalog;

namespace MailSetupTui.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into <see cref="CliError"/>s in the CLI's own words:
/// each names the option or token at fault, and unknown options get a suggestion.
/// </summary>
internal static class ParseErrors
{
    public static IReadOnlyList<CliError> From(ParseResult result)
    {
        var errors = new List<CliError>();
        var unmatched = result.UnmatchedTokens;
        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option:
                    errors.Add(new(option.Option.Name, Describe(option, error.Message)));
                    break;
                case ArgumentResult { Parent: CommandResult } argument when argument.Tokens.Count == 0:
                    errors.Add(new(argument.Argument.Name, $"is missing; expected {Expected(argument.Argument)}"));
                    break;
                // The parser's "unrecognized ... 'token'" errors: reported below with a suggestion.
                case CommandResult when unmatched.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)):
                    break;
                default:
                    errors.Add(new(CommandPath.Of(result), error.Message));
                    break;
            }
        }
        errors.AddRange(unmatched.Select(token => Unmatched(token, result.CommandResult.Command)));
        return errors;
    }

    /// <summary>What a command's argument takes, from its description ("imap, pop, smtp, or all three.").</summary>
    private static string Expected(Argument argument)
    {
        var description = argument.Description ?? argument.Name;
        return description.Length > 0 ? char.ToLowerInvariant(description[0]) + description[1..].TrimEnd('.') + "." : description;
    }

    private static string Describe(OptionResult option, string parserMessage)
    {
        if (option.Option is VersionOption)
            return "takes no other arguments; run 'mailsetup --version' on its own.";
        if (option.Tokens.Count == 0 && option.Option.Arity.MinimumNumberOfValues > 0)
            return $"needs a value ({option.Option.Name} <{option.Option.HelpName ?? "value"}>); none was given.";
        if (option.Tokens.Count > 1 && option.Option.Arity.MaximumNumberOfValues == 1)
            return $"is given {option.Tokens.Count} times ({string.Join(", ", option.Tokens.Select(t => $"'{t.Value}'"))}); give it once.";
        return parserMessage;
    }

    private static CliError Unmatched(string token, Command command)
    {
        if (token.StartsWith('-'))
        {
            var name = token.Split('=', 2)[0];
            var known = OptionNames(command);
            var near = NameSuggestions.Nearest(name, known);
            var hint = near.Count > 0 ? $"; did you mean {string.Join(" or ", near.Select(n => $"'{n}'"))}?" : ".";
            return new(name, $"unknown option for '{command.Name}'{hint}");
        }
        if (command.Subcommands.Count > 0)
        {
            var names = command.Subcommands.Select(c => c.Name).ToList();
            var near = NameSuggestions.Nearest(token, names);
            var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
            return new(token, $"unknown command{hint}; expected one of {string.Join(", ", names)}.");
        }
        return new(token,
            $"unexpected argument; '{command.Name}' takes only options, each value right after its option (e.g. " +
            "--mailbox a@contoso.com --mailbox b@contoso.com).");
    }

    /// <summary>The options usable on a command: its own and the recursive ones of its parents (--help).</summary>
    private static IReadOnlyList<string> OptionNames(Command command)
    {
        var options = command.Options.ToList();
        foreach (var parent in command.Parents.OfType<Command>())
            options.AddRange(parent.Options.Where(o => o.Recursive));
        return options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
    }
}
