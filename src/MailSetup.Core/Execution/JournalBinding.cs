using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>
/// What a journal belongs to, written as its first record: a hash of what the plan does and the target it ran on. A journal's
/// ids mean something only for that plan on that tenant, so resuming another plan with it, or rolling it back elsewhere, is refused.
/// </summary>
/// <param name="Plan">SHA-256 (hex) of the plan's steps: keys, kinds and the requests or cmdlets they send.</param>
/// <param name="PlanDay">The day the plan was made: its secret's name and dates carry it, so another day's plan is another plan.</param>
/// <param name="Target">Where the run worked: <see cref="JournalTargets.Sandbox"/> or a tenant and its cloud.</param>
public sealed record JournalBinding(string Plan, string PlanDay, string Target)
{
    public static JournalBinding For(Plan plan, string target) => new(PlanFingerprint.Of(plan), PlanDates.Day(plan.CreatedAt), target);

    /// <summary>Why a journal bound to this cannot be used for <paramref name="plan"/>, or null.</summary>
    public string? PlanProblem(Plan plan, string journalPath)
    {
        if (Plan == PlanFingerprint.Of(plan)) return null;
        var today = PlanDates.Day(plan.CreatedAt);
        return PlanDay != today
            ? $"the journal {journalPath} belongs to a plan made on {PlanDay}, and this plan is of {today}: plans carry their day (in the " +
              "client secret's name and dates), so it is another plan. Use another --journal file, or roll that run back with this one."
            : $"the journal {journalPath} belongs to another plan (other steps, options or mailboxes than this command line's). " +
              "Use another --journal file, or give the options of the run that wrote it.";
    }

    /// <summary>Why a journal bound to this cannot be used on <paramref name="target"/>, or null.</summary>
    public string? TargetProblem(string target, string journalPath) => Target == target
        ? null
        : $"the journal {journalPath} was written for {JournalTargets.Describe(Target)}, not {JournalTargets.Describe(target)}: its ids mean " +
          "nothing there. Give the target it was written for, or another --journal file.";
}

/// <summary>How a journal names its target: the sandbox, or a tenant (as the admin named it, in lower case) in a cloud.</summary>
public static class JournalTargets
{
    public const string Sandbox = "sandbox";

    public static string Tenant(string tenant, Cloud cloud) => $"tenant {tenant.Trim().ToLowerInvariant()} in {cloud.Key}";

    public static string Describe(string target) => target == Sandbox ? "the sandbox tenant" : target.Replace(" in ", " in the ") + " cloud";
}

/// <summary>
/// A hash of what a plan does: each step's key, kind and action, and the request, cmdlet or local work it holds. Titles and
/// explanations are left out (rewording changes nothing), and instants count by their day only: a secret's end date is "now"
/// plus its lifetime, so the same command line on the same day gives the same hash.
/// </summary>
public static partial class PlanFingerprint
{
    public static string Of(Plan plan)
    {
        var text = new StringBuilder();
        foreach (var step in plan.Steps)
        {
            text.Append(step.Key).Append('\n').Append(step.Target).Append(' ').Append(step.Action).Append('\n');
            switch (step)
            {
                case GraphStep graph:
                    text.Append(graph.Preview.Method).Append(' ').Append(graph.Preview.Url).Append('\n').Append(graph.Preview.Body).Append('\n');
                    break;
                case ExchangeStep exchange:
                    text.Append(exchange.Cmdlet.Name);
                    foreach (var parameter in exchange.Cmdlet.Parameters)
                        text.Append(" -").Append(parameter.Name).Append(' ').Append(parameter.Value);
                    text.Append('\n');
                    break;
                case LocalStep local:
                    text.Append(local.Work);
                    foreach (var (name, value) in local.Settings) text.Append(' ').Append(name).Append('=').Append(value);
                    text.Append('\n');
                    break;
            }
        }
        var dayOnly = Instant().Replace(text.ToString(), match => match.Groups["day"].Value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(dayOnly)));
    }

    [GeneratedRegex(@"(?<day>\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex Instant();
}
