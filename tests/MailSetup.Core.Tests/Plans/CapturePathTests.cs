using MailSetup.Core.Plans;

namespace MailSetup.Core.Tests.Plans;

public sealed class CapturePathTests
{
    [Fact]
    public void A_plain_property_is_one_segment()
    {
        Assert.Equal([new CapturePath.Segment("id")], CapturePath.Parse("id"));
    }

    [Fact]
    public void A_filter_value_keeps_its_dots()
    {
        Assert.Equal(
            [new CapturePath.Segment("appRoles", "value", "IMAP.AccessAsApp"), new CapturePath.Segment("id")],
            CapturePath.Parse("appRoles[value=IMAP.AccessAsApp].id"));
    }

    [Theory]
    [InlineData("appRoles[value=X.id")]
    [InlineData("appRoles[value].id")]
    public void A_malformed_filter_is_an_error_naming_the_path(string path)
    {
        Assert.Contains(path, Assert.Throws<FormatException>(() => CapturePath.Parse(path)).Message);
    }
}
