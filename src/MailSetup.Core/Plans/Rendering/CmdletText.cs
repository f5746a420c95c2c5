using System.Globalization;
using MailSetup.Core.Exchange;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>A cmdlet as one readable line: placeholders stay <c>{name}</c>, text with spaces is quoted.</summary>
internal static class CmdletText
{
    public static string Format(Cmdlet cmdlet) =>
        string.Join(' ', new[] { cmdlet.Name }.Concat(cmdlet.Parameters.Select(Parameter)));

    private static string Parameter(CmdletParameter parameter) => parameter.Value switch
    {
        null => "-" + parameter.Name,
        bool flag => $"-{parameter.Name}:${flag.ToString(CultureInfo.InvariantCulture).ToLowerInvariant()}",
        string text => $"-{parameter.Name} {Quote(text)}",
        var other => $"-{parameter.Name} {Convert.ToString(other, CultureInfo.InvariantCulture)}",
    };

    private static string Quote(string text) =>
        text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' or '{' or '}')
            ? text
            : "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
