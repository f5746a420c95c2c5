namespace MailSetup.Sandbox.Graph;

/// <summary>
/// A Graph error raised by endpoint code; <see cref="GraphRouteGroup"/> answers it as an
/// ODataError body. Keeps endpoints free of error plumbing.
/// </summary>
internal sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static GraphException NotFound(string id) =>
        new(404, GraphErrorCodes.ResourceNotFound, GraphError.ResourceNotFoundMessage(id));

    public static GraphException BadRequest(string message) => new(400, GraphErrorCodes.BadRequest, message);

    public static GraphException InvalidId(string id) => BadRequest($"Invalid object identifier '{id}'.");

    public static GraphException InvalidProperty(string property, string resource) =>
        BadRequest($"Invalid value specified for property '{property}' of resource '{resource}'.");

    public static GraphException Conflict(string message) => new(409, GraphErrorCodes.MultipleObjectsWithSameKeyValue, message);
}
