using MailSetup.Core.Catalog;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// One of Exchange Online's answers from FACTS.md: how to recognise it, and the finding it means.
/// </summary>
public sealed record ExchangeAnswer(
    string Code,
    string Pattern,
    MailProtocol Protocol,
    string Cause,
    Func<DiagnosisFacts, string> Fix)
{
    public bool Matches(string line) => line.Contains(Pattern, StringComparison.OrdinalIgnoreCase);
}
