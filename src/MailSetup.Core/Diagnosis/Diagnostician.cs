namespace MailSetup.Core.Diagnosis;

/// <summary>
/// Runs the rules over the facts and orders what they find: errors first, and among equals the
/// specific causes (a known broken setup, a wrong token) before the generic explanations of an
/// answer. The rule order expresses that ranking; the sort by severity is stable.
/// </summary>
public sealed class Diagnostician(IReadOnlyList<IDiagnosisRule> rules)
{
    public Diagnostician() : this(AllRules())
    {
    }

    public IReadOnlyList<IDiagnosisRule> Rules { get; } = rules;

    /// <summary>Every rule, most specific first.</summary>
    public static IReadOnlyList<IDiagnosisRule> AllRules()
    {
        IReadOnlyList<IDiagnosisRule> explaining =
        [
            new SetupStateRule(),
            .. TokenRules(),
            new AadstsRule(),
            new ExchangeAnswerRule(),
            new ServerAnswerRule(),
            new DnsFailureRule(),
            new ConnectFailureRule(),
            new TlsCertificateRule(),
            new ServerBehaviourRule(),
        ];
        return [.. explaining, new UnexplainedLoginFailureRule(explaining)];
    }

    /// <summary>The rules over a token's claims only (what <c>mailsetup token inspect</c> runs).</summary>
    public static IReadOnlyList<IDiagnosisRule> TokenRules() =>
        [new TokenIdentityRule(), new TokenAudienceRule(), new TokenPermissionRule(), new TokenExpiryRule()];

    public IReadOnlyList<Finding> Diagnose(DiagnosisFacts facts) =>
        Rules.SelectMany(r => r.Evaluate(facts))
            .DistinctBy(f => (f.Code, f.Evidence))
            .OrderBy(f => f.Severity)
            .ToList();
}
