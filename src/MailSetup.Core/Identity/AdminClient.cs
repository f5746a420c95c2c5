namespace MailSetup.Core.Identity;

/// <summary>The client an admin signs in with by device code when no --client-id is given.</summary>
public static class AdminClient
{
    /// <summary>
    /// Microsoft Graph Command Line Tools, the public client Connect-MgGraph uses; an admin can
    /// consent to it at first sign-in. Not among the shared FACTS: a tenant that blocks it needs
    /// --client-id with an app of its own (public client flows on).
    /// </summary>
    public const string DefaultClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
}
