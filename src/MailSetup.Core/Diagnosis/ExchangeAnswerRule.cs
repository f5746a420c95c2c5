namespace MailSetup.Core.Diagnosis;

/// <summary>Explains Exchange Online's failure answers found among the server's lines.</summary>
public sealed class ExchangeAnswerRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        foreach (var line in facts.Answers)
        {
            var answer = ExchangeAnswers.Match(line);
            if (answer is null) continue;
            yield return new Finding(answer.Code, FindingSeverity.Error, line.Trim(), answer.Cause, answer.Fix(facts),
                "Microsoft Learn: Authenticate an IMAP, POP or SMTP connection using OAuth");
        }
    }
}
