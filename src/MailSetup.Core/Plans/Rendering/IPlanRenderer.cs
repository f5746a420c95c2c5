namespace MailSetup.Core.Plans.Rendering;

/// <summary>Writes a plan in one format. Output is deterministic and never holds a secret value.</summary>
public interface IPlanRenderer
{
    /// <summary>The format's command-line name: text, json, http, powershell.</summary>
    string Format { get; }

    string Render(Plan plan);
}
