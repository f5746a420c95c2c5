namespace MailSetup.Sandbox.State;

/// <summary>How big the seeded tenant is.</summary>
public sealed record TenantSeedOptions
{
    public const int MaxUserMailboxes = 10_000;

    /// <summary>User mailboxes besides the admin and the shared ones (default 50, at most 10,000).</summary>
    public int UserMailboxes { get; init; } = 50;
}
