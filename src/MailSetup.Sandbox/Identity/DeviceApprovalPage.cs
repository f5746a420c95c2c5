namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The sandbox's stand-in for Microsoft's device login page: a form that approves a user code for
/// a user of the sandbox tenant. No password, but the approval secret that <c>sandbox serve</c> printed: without it,
/// anyone who can reach the port could sign in as the admin.
/// </summary>
internal static class DeviceApprovalPage
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Sandbox sign-in</title></head>
        <body>
        <h1>mailsetup sandbox: device sign-in</h1>
        <p>This is the sandbox tenant, not Microsoft. Enter the code the app shows and the user to sign in as.</p>
        <form method="post" action="/sandbox/devicecode/approve">
          <label>Code <input name="user_code" autocomplete="off" required></label>
          <label>User <input name="username" placeholder="admin@contoso.onmicrosoft.com" required></label>
          <label>Approval secret <input name="approval_secret" type="password" autocomplete="off"></label>
          <button type="submit">Sign in</button>
        </form>
        </body>
        </html>
        """;
}
