using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using MailSetup.Core.Display;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>
/// Generated cases for every reply parser and the SASL and redaction helpers: they never throw on arbitrary
/// input, and well-formed input round-trips. Counts are per property; together well over 100,000 cases.
/// </summary>
public sealed class ParserPropertyTests
{
    private static Config Cases(int count) => Config.QuickThrowOnFailure.WithMaxTest(count).WithQuietOnSuccess(true);

    private static void Check<T>(int count, Arbitrary<T> arbitrary, Func<T, bool> property) =>
        FsCheck.Check.One(Cases(count), Prop.ForAll(arbitrary, property));

    [Fact]
    public void Smtp_reply_lines_never_throw_and_parse_only_when_shaped_as_a_reply()
    {
        Check(20_000, MailGen.HostileLine.ToArbitrary(), line =>
        {
            var parsed = SmtpReply.ParseLine(line);
            if (parsed is null) return true;
            var (code, more, text) = parsed.Value;
            return code is >= 200 and <= 599 && line.StartsWith(code.ToString("D3"), StringComparison.Ordinal)
                && (line.Length == 3 ? !more && text == "" : line[3] == (more ? '-' : ' ') && text == line[4..]);
        });
    }

    [Fact]
    public void Smtp_well_formed_reply_lines_round_trip()
    {
        var gen = from code in Gen.Choose(200, 599)
                  from separator in Gen.Elements("-", " ", "")
                  from text in MailGen.PrintableText
                  select (code, separator, text: separator == "" ? "" : text);
        Check(10_000, gen.ToArbitrary(), c =>
            SmtpReply.ParseLine($"{c.code}{c.separator}{c.text}") == (c.code, c.separator == "-", c.text));
    }

    [Fact]
    public void Smtp_multiline_replies_assemble_into_one_reply_at_their_last_line()
    {
        var gen = from code in Gen.Choose(200, 599)
                  from texts in MailGen.PrintableText.ArrayOf().Select(a => a.Take(30).ToArray())
                  from last in MailGen.PrintableText
                  from enhanced in Gen.OneOf(Gen.Constant(""),
                      from c in Gen.Elements('2', '4', '5') from a in Gen.Choose(0, 999) from b in Gen.Choose(0, 999) select $"{c}.{a}.{b} ")
                  select (code, texts, last: enhanced + last, enhanced: enhanced.TrimEnd());
        Check(10_000, gen.ToArbitrary(), c =>
        {
            var assembler = new SmtpReplyAssembler();
            var lines = c.texts.Select(t => $"{c.code}-{t}").Append($"{c.code} {c.last}").ToArray();
            for (var i = 0; i < lines.Length - 1; i++)
                if (!assembler.TryAdd(lines[i], out var early) || early is not null) return false;
            if (!assembler.TryAdd(lines[^1], out var reply) || reply is null) return false;
            var enhancedOk =
                c.enhanced == ""
                    ? reply.EnhancedStatus is null || c.last.StartsWith(reply.EnhancedStatus, StringComparison.Ordinal)
                    : reply.EnhancedStatus == c.enhanced;
            return reply.Code == c.code && reply.Lines.SequenceEqual(lines) && reply.FinalLine == lines[^1] && enhancedOk && assembler.Count == 0;
        });
    }

    [Fact]
    public void Smtp_assembly_of_arbitrary_lines_never_throws()
    {
        Check(10_000, MailGen.HostileLine.ArrayOf().ToArbitrary(), lines =>
        {
            var assembler = new SmtpReplyAssembler();
            foreach (var line in lines)
            {
                if (!assembler.TryAdd(line, out var reply)) return SmtpReply.ParseLine(line) is null;
                if (reply is not null) _ = (reply.IsPositive, reply.EnhancedStatus, reply.FinalLine);
            }
            return true;
        });
    }

    [Fact]
    public void Imap_responses_never_throw_on_arbitrary_lines()
    {
        Check(20_000, MailGen.HostileLine.ToArbitrary(), line =>
        {
            var response = new ImapResponse(line);
            _ =
                (response.IsContinuation, response.IsUntagged, response.ContinuationText, response.Status, response.Capabilities,
                    response.IsWellFormed, response.IsTagged("A1"));
            return !response.IsUntagged || response.IsWellFormed;
        });
    }

    [Fact]
    public void Imap_tagged_and_untagged_responses_and_capabilities_round_trip()
    {
        var gen = from tag in MailGen.Word("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.")
                  from status in Gen.Elements("OK", "NO", "BAD", "ok", "No")
                  from text in MailGen.PrintableText
                  from capabilities in MailGen.Word("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=-+").ArrayOf()
                  select (tag, status, text, capabilities);
        Check(10_000, gen.ToArbitrary(), c =>
        {
            var tagged = new ImapResponse($"{c.tag} {c.status} {c.text}");
            var untagged = new ImapResponse($"* CAPABILITY {string.Join(' ', c.capabilities)}");
            var code = new ImapResponse($"* OK [CAPABILITY {string.Join(' ', c.capabilities)}] {c.text}");
            return tagged.IsTagged(c.tag) && tagged.Status == c.status.ToUpperInvariant() && tagged.IsWellFormed && !tagged.IsUntagged
                && untagged.Capabilities!.SequenceEqual(c.capabilities) && untagged.Status == "CAPABILITY"
                && code.Capabilities!.SequenceEqual(c.capabilities)
                && new ImapResponse("+ " + c.text).ContinuationText == c.text;
        });
    }

    [Fact]
    public void Pop_status_lines_never_throw_and_round_trip()
    {
        Check(10_000, MailGen.HostileLine.ToArbitrary(), line =>
        {
            var kind = Pop3Reply.Classify(line);
            var text = Pop3Reply.Text(line);
            return kind switch
            {
                Pop3ReplyKind.Ok => line.StartsWith("+OK", StringComparison.OrdinalIgnoreCase),
                Pop3ReplyKind.Err => line.StartsWith("-ERR", StringComparison.OrdinalIgnoreCase),
                Pop3ReplyKind.Continuation => line[0] == '+',
                _ => text == "",
            };
        });
        var gen = from status in Gen.Elements("+OK", "-ERR", "+ok", "+")
                  from text in MailGen.PrintableText
                  select (status, text);
        Check(10_000, gen.ToArbitrary(), c =>
        {
            var line = $"{c.status} {c.text}";
            var expected = c.status switch { "-ERR" => Pop3ReplyKind.Err, "+" => Pop3ReplyKind.Continuation, _ => Pop3ReplyKind.Ok };
            return Pop3Reply.Classify(line) == expected && Pop3Reply.Text(line) == c.text;
        });
    }

    [Fact]
    public void Sasl_error_challenges_never_throw_and_json_challenges_round_trip()
    {
        Check(10_000, MailGen.HostileLine.ToArbitrary(), text =>
        {
            var challenge = SaslErrorChallenge.FromBase64(text);
            var asBase64 = SaslErrorChallenge.FromBase64(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
            return challenge.Json is not null && asBase64.Json == Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));
        });
        var gen = from status in MailGen.JsonishText
                  from schemes in MailGen.JsonishText
                  from scope in Gen.OneOf(MailGen.JsonishText.Select(s => (string?)s), Gen.Constant<string?>(null))
                  select (status, schemes, scope);
        Check(10_000, gen.ToArbitrary(), c =>
        {
            var json =
                JsonSerializer.Serialize(new Dictionary<string, string?> { ["status"] = c.status, ["schemes"] = c.schemes, ["scope"] = c.scope });
            var challenge = SaslErrorChallenge.FromBase64(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));
            return challenge.Status == c.status && challenge.Schemes == c.schemes && challenge.Json == json
                && (c.scope is null ? challenge.Scope == "null" : challenge.Scope == c.scope);
        });
    }

    [Theory]
    [InlineData("""{"status":"\ud800","schemes":"\udc00x","scope":"\ud83d"}""")]
    [InlineData("""{"status":"\u0000\u001b[2J","schemes":123,"scope":{"a":[1,2]}}""")]
    [InlineData("""{"status":"401","status":"invalid_token"}""")]
    [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" +
        "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")]
    public void Hostile_json_in_an_error_challenge_is_kept_as_text_without_throwing(string json)
    {
        var challenge = SaslErrorChallenge.FromBase64(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(json, challenge.Json);
    }

    [Fact]
    public void Xoauth2_and_oauthbearer_payloads_round_trip_and_their_redacted_form_hides_the_token()
    {
        var gen = from mailbox in MailGen.Mailbox
                  from token in MailGen.Token
                  from kind in Gen.Elements(SaslMechanismKind.XOAuth2, SaslMechanismKind.OAuthBearer)
                  from port in Gen.Choose(1, 65535)
                  select (mailbox, token, kind, port);
        Check(10_000, gen.ToArbitrary(), c =>
        {
            var mechanism = SaslMechanism.Create(c.kind, new SaslCredentials(c.mailbox, c.token, "mail.example.test", c.port));
            var message = Encoding.UTF8.GetString(Convert.FromBase64String(mechanism.InitialResponse()));
            var redacted = mechanism.RedactedInitialResponse();
            var fields = message.Split('\u0001');
            bool decoded;
            if (c.kind == SaslMechanismKind.XOAuth2)
            {
                decoded =
                    fields.Length == 4 && fields[0] == "user=" + c.mailbox && fields[1] == "auth=Bearer " + c.token && fields[2] == ""
                        && fields[3] == "";
            }
            else
            {
                var gs2 = fields[0].Split(',');
                var user = gs2[1]["a=".Length..].Replace("=2C", ",").Replace("=3D", "=");
                decoded =
                    gs2.Length == 3 && gs2[0] == "n" && user == c.mailbox && fields[1] == "host=mail.example.test" && fields[2] == $"port={c.port}"
                    && fields[3] == "auth=Bearer " + c.token && fields[4] == "" && fields[5] == "";
            }
            return decoded && !redacted.Contains(c.token, StringComparison.Ordinal)
                && redacted.Contains("auth=Bearer <token redacted", StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Token_descriptions_never_contain_the_token_and_never_throw()
    {
        Check(10_000, MailGen.Jwt.ToArbitrary(), jwt =>
        {
            var description = TokenRedactor.Describe(jwt.Token);
            return description.StartsWith("<token redacted", StringComparison.Ordinal)
                && !description.Contains(jwt.Token, StringComparison.Ordinal) && !description.Contains(jwt.Signature, StringComparison.Ordinal);
        });
        Check(10_000, MailGen.HostileLine.ToArbitrary(),
            text => TokenRedactor.Describe(text).StartsWith("<token redacted", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{"aud":"\ud800","exp":1,"roles":[1,"\udc00",null]}""")]
    [InlineData("""{"aud":["\ud800",2],"exp":99999999999999999}""")]
    [InlineData("""{"aud":"x","exp":-99999999999999}""")]
    public void A_token_with_hostile_claims_is_still_described_without_throwing(string payload)
    {
        var token =
            $"{System.Buffers.Text.Base64Url.EncodeToString("""{"alg":"none"}"""u8)}.{System.Buffers.Text.Base64Url.EncodeToString(
                Encoding.UTF8.GetBytes(payload))}.SIGNATURE-PART-1234567890";

        var description = TokenRedactor.Describe(token);

        Assert.StartsWith("<token redacted: aud=", description);
        Assert.DoesNotContain("SIGNATURE-PART", description);
        Assert.True(MailSetup.Core.Identity.JwtClaims.TryDecode(token, out var claims));
        _ = (claims.Roles, claims.ExpiresOn, claims.Audience);
    }

    [Fact]
    public async Task Real_probes_against_a_server_that_echoes_everything_never_show_a_generated_token()
    {
        // Fewer cases: each is a real connection over loopback through the whole probe.
        var gen = from token in MailGen.Token
                  from protocol in Gen.Elements("imap", "pop", "smtp")
                  from kind in Gen.Elements(SaslMechanismKind.XOAuth2, SaslMechanismKind.OAuthBearer)
                  select (token, protocol, kind);
        foreach (var (token, protocol, kind) in gen.Sample(150, 20))
        {
            await using var server = new ScriptedServer(c => EchoingServer(c, protocol));
            var request = new MailProbeRequest
            {
                Host = "127.0.0.1", Port = server.Port, Tls = TlsMode.None, Mailbox = "user@contoso.com", Token = token, Mechanism = kind,
                Options = new MailConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(5) },
            };
            MailProbe probe = protocol switch { "imap" => new ImapProbe(), "pop" => new Pop3Probe(), _ => new SmtpProbe() };

            var result = await probe.RunAsync(request, CancellationToken.None);

            var payload = SaslMechanism.Create(kind, new SaslCredentials(request.Mailbox, token, request.Host, request.Port)).InitialResponse();
            var rendered =
                string.Join("\n", TraceExport.ToText(result.Trace), TraceExport.ToJson(result.Trace), result.ToString(), result.FinalAnswer,
                    result.Failure,
                string.Join("\n", ProbeDiagnosis.Diagnose(result).Select(f => f.ToString())));
            Assert.True(server.Received.Any(l => l.Contains(payload, StringComparison.Ordinal)), "the payload was sent");
            Assert.DoesNotContain(token, rendered, StringComparison.Ordinal);
            Assert.DoesNotContain(payload, rendered, StringComparison.Ordinal);
            Assert.Contains("<redacted>", rendered);
        }
    }

    /// <summary>Answers every line by quoting it back in a refusal: the worst a server can do with our secrets.</summary>
    private static async Task EchoingServer(ScriptedServer.Conversation c, string protocol)
    {
        await c.SendAsync(protocol switch { "imap" => "* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] hi\r\n", "pop" => "+OK hi\r\n", _ => "220 hi\r\n" });
        var tag = "";
        while (true)
        {
            var line = await c.ReadAsync();
            var first = line.Split(' ')[0];
            if (first.StartsWith('A') && first.Length < 5) tag = first;
            var answer = protocol switch
            {
                "imap" when line.Contains("AUTHENTICATE", StringComparison.Ordinal) => "+ \r\n",
                "imap" => $"{tag} NO you said: {line}\r\n",
                "pop" when line.StartsWith("AUTH", StringComparison.Ordinal) => "+ \r\n",
                "pop" when line is "CAPA" or "QUIT" => "-ERR no\r\n",
                "pop" => $"-ERR you said: {line}\r\n",
                _ when line.StartsWith("EHLO", StringComparison.Ordinal) => "250 AUTH XOAUTH2\r\n",
                _ when line.StartsWith("AUTH", StringComparison.Ordinal) => "334 \r\n",
                _ => $"535 5.7.3 you said: {line}\r\n",
            };
            await c.SendAsync(answer);
        }
    }

    [Fact]
    public void Server_text_is_made_printable_and_clean_text_is_left_alone()
    {
        Check(10_000, MailGen.HostileLine.ToArbitrary(), text =>
        {
            var printable = ServerText.Printable(text);
            var clean = !text.Any(ch => TerminalText.IsUnsafe(ch, TerminalTextKeep.Tab));
            return !printable.Any(ch => ch != '\t' && (char.IsControl(ch) || TerminalText.IsUnsafe(ch)))
                && (clean ? ReferenceEquals(printable, text) : printable.Length > text.Length)
                && ServerText.Printable(printable) == printable;
        });
    }

    [Fact]
    public void Test_messages_dot_stuff_and_unstuff_to_the_same_lines()
    {
        Check(10_000, MailGen.MessageLine.ArrayOf().ToArbitrary(), lines =>
        {
            var encoded = Encoding.UTF8.GetString(SmtpTestMessage.Encode(lines));
            // On the wire no line but the last is a lone dot.
            var wire = encoded.Split("\r\n");
            return SmtpTestMessage.Decode(encoded).SequenceEqual(lines)
                && (encoded == ".\r\n" || encoded.EndsWith("\r\n.\r\n", StringComparison.Ordinal))
                && wire.Take(wire.Length - 2).All(l => l != ".");
        });
    }

    [Fact]
    public void A_trace_scrubs_registered_secrets_from_every_event_whatever_surrounds_them()
    {
        var gen = from token in MailGen.Token
                  from before in MailGen.HostileLine
                  from after in MailGen.HostileLine
                  select (token, before, after);
        Check(5_000, gen.ToArbitrary(), c =>
        {
            var trace = new MailTrace();
            var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes($"user=a@b.c\u0001auth=Bearer {c.token}\u0001\u0001"));
            trace.AddSecret(c.token);
            trace.AddSecret(payload);
            trace.Server(TraceStage.Auth, c.before + c.token + c.after);
            trace.Info(TraceStage.Auth, c.before + payload + c.after);
            var exports = TraceExport.ToText(trace.Events) + TraceExport.ToJson(trace.Events);
            return !exports.Contains(c.token, StringComparison.Ordinal) && !exports.Contains(payload, StringComparison.Ordinal)
                && trace.Events.All(e => !e.Text.Contains(c.token, StringComparison.Ordinal));
        });
    }
}

/// <summary>Generators for protocol text: hostile lines biased towards the characters the parsers look at.</summary>
internal static class MailGen
{
    private const string Protocolish = "0123456789 -+*.{}[]()\"\\=,:;<>/@ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static readonly Gen<char> HostileChar = Gen.Frequency(
        (12, Gen.Elements(Protocolish.ToCharArray())),
        (2, Gen.Elements('\0', '\r', '\n', '\t', '\u001b', '\u007f', '\u0085', '\u009b', '\u0001')),
        (2, Gen.Elements('é', 'ß', '€', '中', '\u200e', '\ufeff', '\ufffd')),
        (1, Gen.Elements('\ud800', '\udc00', '\udbff')),
        (1, Gen.Choose(0, 0xFFFF).Select(i => (char)i)));

    /// <summary>Any text at all, shaped to hit the parsers' branches: starts like a reply often, then anything.</summary>
    public static readonly Gen<string> HostileLine =
        from prefix in Gen.Elements("", "", "250", "250-", "334 ", "5", "* ", "+", "+OK", "-ERR", "A1 ", "* CAPABILITY ", "* OK [CAPABILITY ", "{",
            "99999999999")
        from body in HostileChar.ArrayOf()
        select prefix + new string(body);

    public static readonly Gen<string> PrintableText =
        Gen.Elements((Protocolish + "éß€").ToCharArray()).ArrayOf().Select(a => new string(a));

    /// <summary>Text for JSON string values: control characters and any valid UTF-16 (lone surrogates cannot round-trip and are tested
    /// apart).</summary>
    public static readonly Gen<string> JsonishText =
        Gen.Frequency((5, PrintableText), (1, HostileChar.Where(ch => !char.IsSurrogate(ch)).ArrayOf().Select(a => new string(a))));

    public static readonly Gen<string> MessageLine =
        from dot in Gen.Elements("", "", ".", "..")
        from text in PrintableText
        select dot + text;

    public static Gen<string> Word(string alphabet) =>
        Gen.Elements(alphabet.ToCharArray()).ArrayOf().Where(a => a.Length > 0).Select(a => new string(a));

    /// <summary>Mailboxes over lower-case letters and the GS2 specials: never containing a generated token.</summary>
    public static readonly Gen<string> Mailbox =
        from local in Word("abcdefghijklmnopqrstuvwxyz.,=+_")
        from domain in Word("abcdefghijklmnopqrstuvwxyz")
        select $"{local}@{domain}.test";

    /// <summary>Opaque or JWT-shaped tokens of at least 16 characters over upper-case letters, digits and base64url marks.</summary>
    public static readonly Gen<string> Token =
        from core in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".ToCharArray()).ArrayOf().Where(a => a.Length >= 16)
        from dots in Gen.Elements(false, true)
        select dots ? $"EY{new string(core)}.EY{new string(core)}.{new string(core)}" : "TOK" + new string(core);

    public sealed record JwtCase(string Token, string Signature);

    /// <summary>Real-looking JWTs: JSON header and payload with odd audiences and expiry values, and a random signature.</summary>
    public static readonly Gen<JwtCase> Jwt =
        from aud in Gen.OneOf(PrintableText.Select(a => (object)a), PrintableText.ArrayOf().Select(a => (object)a), Gen.Constant((object)42))
        from exp in Gen.OneOf(Gen.Choose(0, int.MaxValue).Select(e => (object)(long)e),
            Gen.Elements<object>(long.MaxValue, long.MinValue, -1L, 253_402_300_800L, 1.5, "soon"))
        from signature in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".ToCharArray()).ArrayOf()
            .Where(a => a.Length >= 16).Select(a => new string(a))
        select new JwtCase(
            $"{Part(new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT" })}.{Part(
                new Dictionary<string, object> { ["aud"] = aud, ["exp"] = exp, ["sub"] = "s" })}.{signature}",
            signature);

    private static string Part(Dictionary<string, object> claims) =>
        System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims));
}
