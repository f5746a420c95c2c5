namespace MailSetup.Sandbox.Graph;

/// <summary>The Graph (directory) error codes the sandbox answers with.</summary>
internal static class GraphErrorCodes
{
    public const string ResourceNotFound = "Request_ResourceNotFound";
    public const string BadRequest = "Request_BadRequest";
    public const string UnsupportedQuery = "Request_UnsupportedQuery";
    public const string MultipleObjectsWithSameKeyValue = "Request_MultipleObjectsWithSameKeyValue";
    public const string InvalidAuthenticationToken = "InvalidAuthenticationToken";
    public const string AuthorizationRequestDenied = "Authorization_RequestDenied";

    /// <summary>The OData layer's code for requests it cannot parse or route.</summary>
    public const string ODataBadRequest = "BadRequest";
}
