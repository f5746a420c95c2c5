namespace MailSetup.Core.Plans;

/// <summary>
/// How a step's answer fills a reference: a small path into the JSON answer (or, for Exchange, the
/// cmdlet's output object), e.g. <c>id</c> or <c>appRoles[value=IMAP.AccessAsApp].id</c>.
/// <see cref="Fallback"/> is used when the path finds nothing (catalog ids for resource roles).
/// </summary>
public sealed record ValueCapture(Reference Target, string Path, string? Fallback = null);
