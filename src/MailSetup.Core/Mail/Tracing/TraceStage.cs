namespace MailSetup.Core.Mail.Tracing;

/// <summary>The part of a mail conversation an event belongs to; timings are reported per stage.</summary>
public enum TraceStage
{
    Dns,
    Connect,
    Tls,
    Greeting,
    Auth,
    Command,
}
