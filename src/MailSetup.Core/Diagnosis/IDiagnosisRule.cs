namespace MailSetup.Core.Diagnosis;

/// <summary>One small check over the facts; yields nothing when its facts are absent or fine.</summary>
public interface IDiagnosisRule
{
    IEnumerable<Finding> Evaluate(DiagnosisFacts facts);
}
