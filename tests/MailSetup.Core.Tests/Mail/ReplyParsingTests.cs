using MailSetup.Core.Mail.Probes;

namespace MailSetup.Core.Tests.Mail;

public sealed class ReplyParsingTests
{
    [Theory]
    [InlineData("250-smtp.example.com", 250, true, "smtp.example.com")]
    [InlineData("535 5.7.3 Authentication unsuccessful", 535, false, "5.7.3 Authentication unsuccessful")]
    [InlineData("334 ", 334, false, "")]
    [InlineData("220", 220, false, "")]
    public void Smtp_reply_lines_split_into_code_continuation_and_text(string line, int code, bool more, string text)
    {
        Assert.Equal((code, more, text), SmtpReply.ParseLine(line));
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("999 nope")]
    [InlineData("250x")]
    public void Smtp_non_reply_lines_are_rejected(string line) => Assert.Null(SmtpReply.ParseLine(line));

    [Fact]
    public void Smtp_replies_carry_the_enhanced_status_code_of_their_last_line()
    {
        var reply = SmtpReply.From(535, ["535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant."]);

        Assert.Equal("5.7.139", reply.EnhancedStatus);
        Assert.False(reply.IsPositive);
        Assert.Null(SmtpReply.From(250, ["250-a", "250 AUTH XOAUTH2"]).EnhancedStatus);
    }

    [Fact]
    public void Imap_capabilities_come_from_the_untagged_response_or_a_response_code()
    {
        Assert.Equal(["IMAP4rev1", "SASL-IR", "AUTH=XOAUTH2"], new ImapResponse("* CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2").Capabilities);
        Assert.Equal(["IMAP4rev1", "STARTTLS"], new ImapResponse("* OK [CAPABILITY IMAP4rev1 STARTTLS] Dovecot ready.").Capabilities);
        Assert.Null(new ImapResponse("* OK ready").Capabilities);
    }

    [Fact]
    public void Imap_responses_tell_tagged_untagged_and_continuations_apart()
    {
        var tagged = new ImapResponse("A1 NO AUTHENTICATE failed.");
        Assert.True(tagged.IsTagged("A1"));
        Assert.Equal("NO", tagged.Status);
        Assert.True(new ImapResponse("+ eyJ9").IsContinuation);
        Assert.Equal("eyJ9", new ImapResponse("+ eyJ9").ContinuationText);
        Assert.Equal("BYE", new ImapResponse("* BYE Session invalidated - AccessTokenExpired").Status);
    }
}
