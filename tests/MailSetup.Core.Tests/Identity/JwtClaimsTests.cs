using System.Buffers.Text;
using System.Text;
using MailSetup.Core.Identity;

namespace MailSetup.Core.Tests.Identity;

public sealed class JwtClaimsTests
{
    [Fact]
    public void An_app_only_token_reads_audience_roles_and_times_without_checking_the_signature()
    {
        var token = Token(
            """{"aud":"https://outlook.office365.com","iss":"https://sts.windows.net/t/","tid":"t","appid":"a","oid":"o","roles":""" +
            """["IMAP.AccessAsApp","SMTP.SendAsApp"],"iat":1795000000,"nbf":1795000000,"exp":1795003600}""");

        var claims = JwtClaims.Decode(token);

        Assert.Equal("https://outlook.office365.com", claims.Audience);
        Assert.Equal(["IMAP.AccessAsApp", "SMTP.SendAsApp"], claims.Roles);
        Assert.Empty(claims.Scopes);
        Assert.True(claims.IsAppOnly);
        Assert.Equal(("a", "o", "t"), (claims.AppId, claims.ObjectId, claims.TenantId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795003600), claims.ExpiresOn);
        Assert.Equal("RS256", claims.Header.GetProperty("alg").GetString());
    }

    [Fact]
    public void A_delegated_v2_token_reads_scopes_azp_and_preferred_username()
    {
        var claims =
            JwtClaims.Decode(Token("""{"aud":"x","azp":"a","scp":"IMAP.AccessAsUser.All SMTP.Send","preferred_username":"adele@contoso.com"}"""));

        Assert.Equal(["IMAP.AccessAsUser.All", "SMTP.Send"], claims.Scopes);
        Assert.Equal("a", claims.AppId);
        Assert.Equal("adele@contoso.com", claims.UserPrincipalName);
        Assert.False(claims.IsAppOnly);
        Assert.Empty(claims.Roles);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("opaque-token")]
    [InlineData("a.b")]
    [InlineData("!!.??.sig")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.sig")]
    public void Anything_but_a_jwt_is_not_decoded(string? token)
    {
        Assert.False(JwtClaims.TryDecode(token, out _));
        if (token is not null) Assert.Throws<FormatException>(() => JwtClaims.Decode(token));
    }

    private static string Token(string payload) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes("""{"typ":"JWT","alg":"RS256"}""")) + "." +
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + ".c2lnbmF0dXJl";
}
