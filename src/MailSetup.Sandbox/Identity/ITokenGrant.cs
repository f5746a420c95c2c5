using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Identity;

/// <summary>One <c>grant_type</c> of the token endpoint.</summary>
internal interface ITokenGrant
{
    bool Handles(string grantType);

    /// <summary>The token answer, or an <see cref="EntraErrorException"/>.</summary>
    JsonObject Issue(TokenRequest request);
}
