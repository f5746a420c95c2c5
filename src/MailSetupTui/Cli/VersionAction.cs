using MailSetup.App;
using System.CommandLine;
using System.CommandLine.Invocation;

namespace MailSetupTui.Cli;

/// <summary>Prints <see cref="ProductVersion.Current"/> to the invocation's output.</summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(ProductVersion.Current);
        return ExitCodes.Success;
    }
}
