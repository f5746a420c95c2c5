using System.Text;
using static MailSetup.Core.Plans.Rendering.PlanDescriptions;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>The plan for a person to review: summary, notices, then each step with its why.</summary>
public sealed class TextPlanRenderer : IPlanRenderer
{
    private const int Width = 78;
    private const string Indent = "    ";

    public string Format => "text";

    public string Render(Plan plan)
    {
        var request = plan.Request;
        var cloud = request.Cloud;
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line($"mailsetup plan: {Presets(request)} for the {App(request.App)}");
        Line($"  cloud       {cloud.DisplayName}");
        var hostLabel = "  hosts       ";
        foreach (var (role, host) in new[] { ("login", cloud.Login), ("graph", cloud.Graph), ("exchange", cloud.Exchange), ("smtp", cloud.Smtp) })
        {
            Wrapped(text, host.Display, hostLabel + role.PadRight(9), new string(' ', hostLabel.Length + 9));
            hostLabel = "              ";
        }
        Wrapped(text, string.Join(", ", request.Permissions.Select(Permission)), "  permissions ", "              ");
        Line($"  credential  {Credential(request.Credential)}");
        Line(
            $"  " +
            $"mailboxes   {(request.Mailboxes.Count == 0 ? "none" : string.Join(", ", request.Mailboxes))}{(request.SendAs
                ? " (with SendAs)"
                : "")}");
        Line($"  scoping     {Scoping(request.Scoping)}");
        Line($"  planned at  {Timestamp(plan.CreatedAt)}");

        if (plan.Notices.Count > 0)
        {
            Line();
            Line("Before you apply:");
            foreach (var notice in plan.Notices)
                Wrapped(text, $"{(notice.Severity == NoticeSeverity.Warning ? "!" : "-")} {notice.Text}", "  ", "    ");
        }

        Line();
        Line($"Steps ({plan.Steps.Count}: {Counts(plan)}):");
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            Line();
            Line($"{i + 1,2}. [{Lower(step.Target)} {Lower(step.Action)}] {step.Title}");
            WriteHow(text, step);
            Wrapped(text, "why: " + step.Why, Indent, Indent + "     ");
            if (step.Consumes.Count > 0) Wrapped(text, "needs: " + string.Join(", ", step.Consumes), Indent, Indent + "       ");
            if (step.Produces.Count > 0) Wrapped(text, "gives: " + string.Join(", ", step.Produces), Indent, Indent + "       ");
        }
        return text.ToString();
    }

    private static void WriteHow(StringBuilder text, PlanStep step)
    {
        switch (step)
        {
            case GraphStep graph:
                text.Append(Indent).Append(graph.Preview.Method).Append(' ').Append(Readable(graph.Preview.Url)).Append('\n');
                if (graph.Preview.Body is { } body)
                    foreach (var line in body.Split('\n')) text.Append(Indent).Append("  ").Append(line).Append('\n');
                if (graph.Probe is { } probe)
                    Wrapped(text, "unchanged when: " + Probe(probe), Indent, Indent + "  ");
                if (graph.Ownership is { } ownership)
                    Wrapped(text, Ownership(ownership), Indent, Indent + "  ");
                break;
            case ExchangeStep exchange:
                Wrapped(text, CmdletText.Format(exchange.Cmdlet), Indent, Indent + "  ");
                break;
            case LocalStep local:
                text.Append(Indent).Append(string.Join(", ", local.Settings.Select(s => $"{s.Key} {s.Value}"))).Append('\n');
                break;
        }
    }

    private static string Counts(Plan plan) => string.Join(", ",
        plan.Steps.GroupBy(s => s.Action).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Lower(g.Key)}"));

    private static void Wrapped(StringBuilder text, string content, string first, string rest)
    {
        var prefix = first;
        foreach (var line in TextWrap.Lines(content, Width - Math.Max(first.Length, rest.Length)))
        {
            text.Append(prefix).Append(line).Append('\n');
            prefix = rest;
        }
    }
}
