using MailSetup.Core.Plans;

namespace MailSetup.Core.Tests.Plans;

public sealed class AppUniqueNameTests
{
    [Fact]
    public void The_key_reads_like_the_name_and_is_the_same_on_every_run()
    {
        var key = AppUniqueName.For("Contoso Mail Relay");

        Assert.StartsWith("mailsetup-contoso-mail-relay-", key);
        Assert.Equal(key, AppUniqueName.For("Contoso Mail Relay"));
        Assert.Matches("^mailsetup-contoso-mail-relay-[0-9a-f]{8}$", key);
    }

    [Theory]
    [InlineData("Mail Relay", "mail-relay")]
    [InlineData("Mail Relay", "MAIL RELAY")]
    [InlineData("Mail Relay", "Mail  Relay")]
    public void Names_that_read_alike_still_get_keys_of_their_own(string one, string other) =>
        Assert.NotEqual(AppUniqueName.For(one), AppUniqueName.For(other));

    [Theory]
    [InlineData("\u00c9quipe d'accueil \u2013 courrier")]
    [InlineData("\u202e\u001b[31m")]
    [InlineData("'; DROP")]
    public void Any_name_gives_a_key_of_plain_letters_digits_and_hyphens(string name) =>
        Assert.Matches("^mailsetup-([a-z0-9]+(-[a-z0-9]+)*-)?[0-9a-f]{8}$", AppUniqueName.For(name));

    [Fact]
    public void A_long_name_gives_a_key_of_bounded_length() =>
        Assert.True(AppUniqueName.For(new string('x', 500)).Length <= 60);
}
