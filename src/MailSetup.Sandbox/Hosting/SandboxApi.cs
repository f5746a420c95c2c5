namespace MailSetup.Sandbox.Hosting;

/// <summary>The sandbox APIs that take bearer tokens.</summary>
public enum SandboxApi
{
    Graph,
    ExchangeAdmin,
}
