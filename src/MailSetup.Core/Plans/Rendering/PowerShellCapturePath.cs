using System.Text;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// Translates a capture path (<c>id</c>, <c>appRoles[value=IMAP.AccessAsApp].id</c>) into a
/// PowerShell expression over an answer object. A filter keeps the first item whose property equals
/// the value; the value may hold dots, so the brackets are read before the dots.
/// </summary>
internal static class PowerShellCapturePath
{
    public static string Expression(string root, string path)
    {
        var expression = new StringBuilder(root);
        var position = 0;
        while (position < path.Length)
        {
            var end = position;
            while (end < path.Length && path[end] is not ('.' or '[')) end++;
            var name = path[position..end];
            if (name.Length == 0) throw Invalid(path, "a property name is empty");
            expression.Append(PowerShellQuoting.Member(name));
            position = end;

            if (position < path.Length && path[position] == '[')
            {
                var close = path.IndexOf(']', position);
                if (close < 0) throw Invalid(path, "a '[' has no ']'");
                var filter = path[(position + 1)..close];
                var equals = filter.IndexOf('=');
                if (equals <= 0) throw Invalid(path, "a filter is not property=value");
                var property = PowerShellQuoting.Member(filter[..equals]);
                var value = PowerShellQuoting.SingleQuoted(filter[(equals + 1)..]);
                expression.Insert(0, '(').Append($" | Where-Object {{ $_{property} -eq {value} }} | Select-Object -First 1)");
                position = close + 1;
            }

            if (position < path.Length)
            {
                if (path[position] != '.') throw Invalid(path, "a filter must be followed by '.' or the end");
                position++;
                if (position == path.Length) throw Invalid(path, "it ends with '.'");
            }
        }
        return expression.ToString();
    }

    private static FormatException Invalid(string path, string problem) =>
        new($"capture path '{path}' cannot be turned into PowerShell: {problem}.");
}
