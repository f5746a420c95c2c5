using System.CommandLine;
using System.CommandLine.Parsing;

namespace MailSetupTui.Cli;

/// <summary>Reads option values from a parse that may have failed.</summary>
internal static class ParsedValues
{
    /// <summary>
    /// The option's value, or the default when the parser rejected the option (a missing value, a
    /// repeat): <see cref="ParseResult.GetValue{T}(Option{T})"/> throws then, and the rejection is
    /// already reported.
    /// </summary>
    public static T? ValueOrDefault<T>(this ParseResult result, Option<T> option) =>
        result.Errors.Any(e => RejectedOption(e.SymbolResult) == option) ? default : result.GetValue(option);

    /// <summary>
    /// The argument's value, or the default when the parser rejected it (a required argument not given):
    /// <see cref="ParseResult.GetValue{T}(Argument{T})"/> throws then, which ended the process with an abort.
    /// </summary>
    public static T? ValueOrDefault<T>(this ParseResult result, Argument<T> argument) =>
        result.Errors.Any(e => e.SymbolResult is ArgumentResult a && a.Argument == argument) || result.GetResult(argument) is null
            ? default
            : result.GetValue(argument);

    private static Option? RejectedOption(SymbolResult? symbol) => symbol switch
    {
        OptionResult option => option.Option,
        ArgumentResult { Parent: OptionResult option } => option.Option,
        _ => null,
    };
}
