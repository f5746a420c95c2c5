namespace MailSetup.Sandbox.Exchange;

/// <summary>
/// A cmdlet failure, answered 400 <c>{"error":{"code","message"}}</c>. Codes are the .NET exception
/// names Exchange reports (ManagementObjectNotFoundException, ParameterBindingException, ...).
/// </summary>
internal sealed class ExchangeException(string code, string message) : Exception(message)
{
    /// <summary>The server Exchange names in not-found messages.</summary>
    public const string DomainController = "NAMPR01A001DC01.NAMPR01A001.PROD.OUTLOOK.COM";

    public string Code { get; } = code;

    public static ExchangeException NotFound(string identity) => new("ManagementObjectNotFoundException",
        $"The operation couldn't be performed because object '{identity}' couldn't be found on '{DomainController}'.");

    public static ExchangeException UserNotFound(string user) => new("ManagementObjectNotFoundException",
        $"User or group \"{user}\" wasn't found. Please make sure you've typed it correctly.");

    public static ExchangeException AlreadyExists(string message) => new("ADObjectAlreadyExistsException", message);

    public static ExchangeException UnknownParameter(string name) => new("ParameterBindingException",
        $"A parameter cannot be found that matches parameter name '{name}'.");

    public static ExchangeException MissingParameters(IEnumerable<string> names) => new("ParameterBindingException",
        $"Cannot process command because of one or more missing mandatory parameters: {string.Join(' ', names)}.");

    public static ExchangeException InvalidValue(string parameter, string? value, string type) => new("ParameterBindingException",
        $"Cannot bind parameter '{parameter}'. Cannot convert value \"{value}\" to type \"{type}\".");

    public static ExchangeException Invalid(string message) => new("InvalidOperationException", message);
}
