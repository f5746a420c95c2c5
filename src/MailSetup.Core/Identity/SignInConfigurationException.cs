namespace MailSetup.Core.Identity;

/// <summary>
/// Sign-in cannot even be tried: something it needs is missing or unreadable. The message names
/// what is missing (an option, an environment variable, a file), so a person can fix it as read.
/// </summary>
public sealed class SignInConfigurationException(string message, Exception? inner = null) : Exception(message, inner);
