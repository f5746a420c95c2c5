namespace MailSetup.Core.Plans.Rendering;

// TEMPORARY: being written in this session; must not be committed as is.
public sealed class PowerShellPlanRenderer : IPlanRenderer
{
    public string Format => "powershell";

    public string Render(Plan plan) => throw new NotImplementedException();
}
