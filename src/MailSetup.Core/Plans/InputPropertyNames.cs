namespace MailSetup.Core.Plans;

/// <summary>The fields named as <see cref="SetupRequestInput"/>'s properties: for code that fills the input itself.</summary>
public sealed class InputPropertyNames : ISetupFieldNames
{
    public static InputPropertyNames Instance { get; } = new();

    private InputPropertyNames()
    {
    }

    public string Name(SetupField field) => field.ToString();

    public string Usage(SetupField field) => field.ToString();
}
