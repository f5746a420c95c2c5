namespace MailSetup.Core.Plans;

/// <summary>Work done on the admin's machine, such as making a key pair; nothing leaves it but the public part.</summary>
public sealed record LocalStep : PlanStep
{
    public override StepTarget Target => StepTarget.Local;

    public required LocalAction Work { get; init; }

    /// <summary>Named settings of the work (<c>subject</c>, <c>validityDays</c>), in a stable order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];
}

/// <summary>The kinds of local work a plan can ask for.</summary>
public enum LocalAction
{
    /// <summary>An RSA key pair and a self-signed certificate; produces <c>{cert.key}</c> and <c>{cert.thumbprint}</c>.</summary>
    GenerateCertificate,
}
