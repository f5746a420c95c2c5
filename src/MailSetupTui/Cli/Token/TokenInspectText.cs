using MailSetup.Core.Display;
using System.Text;
using System.Text.Json;
using MailSetup.Core.Diagnosis;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>token inspect</c> as text: header, claims, then findings. Only decoded header and payload
/// values appear; the token and its signature are never written. Every value is escaped (<see cref="TerminalText"/>),
/// so a claim can neither drive the terminal nor start a line of its own.
/// </summary>
internal static class TokenInspectText
{
    public static string Render(TokenInspection inspection)
    {
        var text = new StringBuilder();
        text.AppendLine("Header");
        foreach (var property in inspection.Claims.Header.EnumerateObject())
            text.AppendLine($"  {TerminalText.Escape(property.Name),-6} {TerminalText.Escape(Scalar(property.Value))}");

        text.AppendLine($"Claims ({inspection.Kind} token)");
        foreach (var (name, value) in inspection.ScalarClaims)
            if (value is not null) text.AppendLine($"  {name,-6} {TerminalText.Escape(value)}");
        if (inspection.Claims.Roles.Count > 0) text.AppendLine($"  {"roles",-6} {TerminalText.Escape(string.Join(", ", inspection.Claims.Roles))}");
        if (inspection.Claims.Scopes.Count > 0) text.AppendLine($"  {"scp",-6} {TerminalText.Escape(string.Join(' ', inspection.Claims.Scopes))}");
        foreach (var (name, time) in inspection.Times)
            if (time is { } t) text.AppendLine($"  {name,-6} {inspection.Describe(t)}");

        var protocols = string.Join(", ", inspection.Protocols.Select(p => p.ToString().ToUpperInvariant()));
        text.AppendLine($"Findings for {protocols}");
        if (inspection.Findings.Count == 0) text.AppendLine($"  none: the token looks right for {protocols}.");
        foreach (var finding in inspection.Findings) FindingText.Append(text, finding);
        return text.ToString();
    }

    private static string Scalar(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
}
