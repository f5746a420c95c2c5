using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>The checks diagnose and preflight share: which protocols, which mailbox, which cloud.</summary>
internal static class LoginInputs
{
    public static IReadOnlyList<string> ProtocolWords { get; } = ["imap", "pop", "smtp", "all"];

    /// <summary>The protocol word in lower case, or null (reported) when it is none of imap, pop, smtp, all.</summary>
    public static string? Protocol(ParseResult result, Argument<string> argument, List<CliError> errors)
    {
        var word = result.GetValue(argument)?.Trim().ToLowerInvariant();
        if (word is null || ProtocolWords.Contains(word)) return word;
        errors.Add(new(argument.Name, $"unknown protocol '{word}'; expected one of {string.Join(", ", ProtocolWords)}."));
        return null;
    }

    public static string? Mailbox(ParseResult result, Option<string> option, string purpose, List<CliError> errors)
    {
        var mailbox = result.ValueOrDefault(option)?.Trim();
        if (string.IsNullOrEmpty(mailbox)) errors.Add(new(option.Name, $"is required: {purpose}."));
        else if (!mailbox.Contains('@', StringComparison.Ordinal)) errors.Add(new(option.Name, $"'{mailbox}' is not a mail address."));
        return mailbox;
    }
}
