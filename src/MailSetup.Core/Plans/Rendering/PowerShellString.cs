using System.Text;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// Builds a string expression from literal text and variables: a single-quoted literal when there
/// is nothing to substitute, a bare variable when it is all one value, else a double-quoted string
/// whose literal parts are escaped.
/// </summary>
internal sealed class PowerShellString
{
    private readonly List<(string Value, bool IsVariable)> _parts = [];

    public PowerShellString Text(string text)
    {
        if (text.Length > 0) _parts.Add((text, false));
        return this;
    }

    /// <summary>A variable expression: <c>$appId</c> or <c>$permissionIds['exo.role.IMAP.AccessAsApp']</c>.</summary>
    public PowerShellString Variable(string expression)
    {
        _parts.Add((expression, true));
        return this;
    }

    public PowerShellString Append(PowerShellString other)
    {
        _parts.AddRange(other._parts);
        return this;
    }

    public override string ToString()
    {
        if (!_parts.Any(p => p.IsVariable)) return PowerShellQuoting.SingleQuoted(string.Concat(_parts.Select(p => p.Value)));
        if (_parts.Count == 1) return _parts[0].Value;

        var text = new StringBuilder("\"");
        for (var i = 0; i < _parts.Count; i++)
        {
            var (value, isVariable) = _parts[i];
            if (!isVariable)
            {
                text.Append(PowerShellQuoting.DoubleQuotedText(value));
                continue;
            }
            var next = i + 1 < _parts.Count && !_parts[i + 1].IsVariable ? _parts[i + 1].Value[0] : ' ';
            text.Append(Embedded(value, next));
        }
        return text.Append('"').ToString();
    }

    /// <summary>
    /// Inside double quotes only <c>$name</c> expands (not <c>.member</c> or <c>[index]</c>), and a
    /// following letter, <c>?</c> or <c>:</c> would be read as part of the name.
    /// </summary>
    private static string Embedded(string expression, char next)
    {
        var name = expression[1..];
        if (!PowerShellQuoting.IsSimpleName(name)) return "$(" + expression + ")";
        return PowerShellQuoting.ExtendsVariableName(next) ? "${" + name + "}" : expression;
    }
}
