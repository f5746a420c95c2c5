namespace MailSetup.Sandbox.Mail;

/// <summary>A client sent a line longer than the limit; the connection is closed rather than buffering without bound.</summary>
internal sealed class MailLineTooLongException(int limit) : IOException($"A line ran over {limit} bytes.");
