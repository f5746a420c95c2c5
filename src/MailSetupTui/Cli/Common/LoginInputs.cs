using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>The checks diagnose and preflight share: which protocols, which mailbox, which cloud.</summary>
internal static class LoginInputs
{
    public static IReadOnlyList<string> ProtocolWords { get; } = ["imap", "pop", "smtp", "all"];

    /// <summary>The protocol word in lower case, or null (reported) when it is none of imap, pop, smtp, all.</summary>
    public static string? Protocol(ParseResult result, Argument<string> argument, List<CliError> errors)
    {
        var word = result.ValueOrDefault(argument)?.Trim().ToLowerInvariant();
        if (word is null || ProtocolWords.Contains(word)) return word;
        errors.Add(new(argument.Name, $"unknown protocol '{word}'; expected one of {string.Join(", ", ProtocolWords)}."));
        return null;
    }

    /// <summary>Longest address SMTP allows (RFC 5321: 64 for the local part, 255 for the domain, with the @).</summary>
    public const int MaxAddressLength = 320;

    /// <summary>Null when <paramref name="address"/> can be a mail address on the wire, else what is wrong with it.</summary>
    public static string? MailAddressProblem(string address)
    {
        if (address.Length > MaxAddressLength) return $"is not a mail address: longer than {MaxAddressLength} characters";
        if (address.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return "is not a mail address: it holds a space or a control character";
        if (address.AsSpan().IndexOfAny("<>") >= 0) return "is not a mail address: give it without < >";
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return "is not a mail address; expected name@domain";
        return null;
    }

    public static string? Mailbox(ParseResult result, Option<string> option, string purpose, List<CliError> errors)
    {
        var mailbox = result.ValueOrDefault(option)?.Trim();
        if (string.IsNullOrEmpty(mailbox)) errors.Add(new(option.Name, $"is required: {purpose}."));
        else if (MailAddressProblem(mailbox) is { } problem) errors.Add(new(option.Name, $"{InputFile.Shown(mailbox)} {problem}."));
        return mailbox;
    }
}
