using System.Text;
using static MailSetup.Core.Plans.Rendering.PlanDescriptions;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// The Graph requests as a <c>.http</c> file (VS Code REST Client / JetBrains HTTP Client style):
/// each request is named, and each reference is a file variable read from the answer of the
/// request that produces it. Exchange and local steps are not HTTP and appear as comments.
/// The file holds no secret: the admin's token is the <c>{{token}}</c> variable of their environment.
/// </summary>
public sealed class HttpPlanRenderer : IPlanRenderer
{
    public string Format => "http";

    public string Render(Plan plan)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var baseUrl = plan.Request.Cloud.GraphBaseUrl;

        Line(
            $"# mailsetup plan: {Presets(plan.Request)} for the {App(plan.Request.App)} ({JsonPlanRenderer.Schema}, " +
            $"planned at {Timestamp(plan.CreatedAt)})");
        Line("# Set {{token}} in your HTTP client's environment to a Graph token of an admin with");
        Line("# Application.ReadWrite.All, AppRoleAssignment.ReadWrite.All and DelegatedPermissionGrant.ReadWrite.All.");
        Line("# Run the requests in order; skip a create whose 'unchanged when' read already finds the item.");
        Line("# Exchange Online steps are PowerShell, not HTTP: they are comments here (see --format powershell).");
        foreach (var notice in plan.Notices.Where(n => n.Severity == NoticeSeverity.Warning))
            Comment(text, "warning: " + notice.Text, "");
        Line();
        Line($"@graph = {baseUrl}");
        foreach (var step in plan.Steps.OfType<GraphStep>())
        {
            foreach (var capture in step.Captures.Where(c => !c.Target.Secret))
                Line($"@{Variable(capture.Target.Name)} = {{{{{RequestName(step)}.response.body.{JsonPath(step, capture)}}}}}");
        }

        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            Line();
            switch (step)
            {
                case GraphStep graph:
                    Line($"### {i + 1}. {step.Title}");
                    Comment(text, "why: " + step.Why, "");
                    if (graph.Probe is { } probe) Comment(text, "unchanged when: " + WithVariables(Probe(probe)), "");
                    if (graph.Ownership is { } ownership) Comment(text, Ownership(ownership), "");
                    Line($"# @name {RequestName(step)}");
                    Line($"{graph.Preview.Method} {{{{graph}}}}{WithVariables(graph.Preview.RelativeUrl(baseUrl))}");
                    Line("Authorization: Bearer {{token}}");
                    foreach (var (name, value) in graph.Preview.Headers) Line($"{name}: {value}");
                    if (graph.Preview.Body is { } body)
                    {
                        Line();
                        Line(WithVariables(body));
                    }
                    break;
                case ExchangeStep exchange:
                    Line($"# --- {i + 1}. [exchange] {step.Title}");
                    Comment(text, "why: " + step.Why, "");
                    Comment(text, CmdletText.Format(exchange.Cmdlet), "  ");
                    break;
                case LocalStep local:
                    Line($"# --- {i + 1}. [local] {step.Title}");
                    Comment(text, "why: " + step.Why, "");
                    Comment(text, string.Join(", ", local.Settings.Select(s => $"{s.Key} {s.Value}")), "  ");
                    foreach (var produced in step.Produces)
                        Comment(text, $"then set {Variable(produced.Name)} in your environment: {produced.Description}", "  ");
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>REST Client variable names are word characters: <c>{app.id}</c> becomes <c>app_id</c>.</summary>
    private static string Variable(string referenceName) => Sanitize(referenceName);

    private static string RequestName(PlanStep step) => Sanitize(step.Key);

    private static string Sanitize(string name) =>
        new(name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());

    private static string WithVariables(string text)
    {
        foreach (var reference in References.All)
            text = text.Replace(reference.Placeholder, "{{" + Variable(reference.Name) + "}}", StringComparison.Ordinal);
        return text;
    }

    /// <summary>The capture path as JSONPath: <c>appRoles[value=X].id</c> becomes <c>appRoles[?(@.value=='X')].id</c>.</summary>
    private static string JsonPath(GraphStep step, ValueCapture capture)
    {
        var path = new StringBuilder("$");
        if (step.ResultCollection is not null) path.Append('.').Append(step.ResultCollection).Append("[0]");
        foreach (var segment in CapturePath.Parse(capture.Path))
        {
            path.Append('.').Append(segment.Property);
            if (segment.FilterProperty is not null) path.Append($"[?(@.{segment.FilterProperty}=='{segment.FilterValue}')]");
        }
        return path.ToString();
    }

    private static void Comment(StringBuilder text, string content, string indent)
    {
        foreach (var line in TextWrap.Lines(content, 98 - indent.Length))
            text.Append("# ").Append(indent).Append(line).Append('\n');
    }
}
