namespace MailSetup.Core.Plans;

/// <summary>
/// How a front end names the setup fields in the messages of <see cref="SetupRequestParser"/>: the
/// command line says <c>--app-name</c>, the terminal UI says what its panes show.
/// </summary>
public interface ISetupFieldNames
{
    /// <summary>The field as the person knows it, e.g. <c>--scope</c>; messages follow it with a value (<c>--scope rbac</c>).</summary>
    string Name(SetupField field);

    /// <summary>How to give the field a value, as a message's advice puts it, e.g. <c>--mailbox ADDR</c>.</summary>
    string Usage(SetupField field);
}
