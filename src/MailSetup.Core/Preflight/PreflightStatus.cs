namespace MailSetup.Core.Preflight;

/// <summary>How one link of the chain stands. Only <see cref="Failed"/> stops the walk.</summary>
public enum PreflightStatus
{
    Passed,
    Warning,
    Failed,

    /// <summary>Not looked at: an earlier link broke, or what it needs (an app credential) was not given.</summary>
    NotChecked,
}
