namespace MailSetup.Sandbox.Mail;

/// <summary>A client stayed silent (or stopped reading) past the idle timeout.</summary>
internal sealed class MailIdleTimeoutException(TimeSpan timeout) : IOException($"No progress for {timeout.TotalSeconds:0} s.");
