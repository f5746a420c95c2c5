using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Benchmarks;

/// <summary>
/// A million (by default) generated cases through every reply parser, from one seeded generator so a failure can be
/// replayed: hostile lines (control characters, lone surrogates, reply-like prefixes) must never throw, and
/// well-formed replies must parse back to what was generated. Counts cases, time and failures.
/// </summary>
internal static class ParserFuzzMeasurement
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private const string Protocolish = "0123456789 -+*.{}[]()\"\\=,:;<>/@ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static readonly string[] Prefixes =
        ["", "", "250", "250-", "334 ", "5", "* ", "+", "+OK", "-ERR", "A1 ", "* CAPABILITY ", "* OK [CAPABILITY ", "{", "99999999999"];
    private static readonly char[] Odd =
        ['\0', '\r', '\n', '\t', '\u001b', '\u007f', '\u0085', '\u009b', '\u0001', 'é', '€', '中', '\ufeff', '\ud800', '\udc00'];

    private sealed record Kind(string Name, Func<Random, bool> Case)
    {
        public long Cases;
        public long Failures;
        public string? FirstFailure;
    }

    public static int Run(string[] args)
    {
        var cases = 1_000_000;
        var seed = 20261122;
        string? outPath = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--cases" when i + 1 < args.Length: cases = int.Parse(args[++i], Invariant); break;
                case "--seed" when i + 1 < args.Length: seed = int.Parse(args[++i], Invariant); break;
                case "--out" when i + 1 < args.Length: outPath = args[++i]; break;
                default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
            }
        }

        Kind[] kinds =
        [
            new("SMTP reply line, hostile", SmtpHostile),
            new("SMTP reply line, well-formed round trip", SmtpRoundTrip),
            new("SMTP multiline assembly", SmtpMultiline),
            new("IMAP response, hostile", ImapHostile),
            new("IMAP response, tagged/capability round trip", ImapRoundTrip),
            new("POP status line, hostile and round trip", Pop),
            new("SASL error challenge, hostile and JSON round trip", Challenge),
            new("XOAUTH2/OAUTHBEARER payload round trip, redaction", Payload),
            new("printable server text", Printable),
            new("token description (hostile strings and JWTs)", Describe),
        ];
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < cases; n++)
        {
            var kind = kinds[n % kinds.Length];
            kind.Cases++;
            bool ok;
            try
            {
                ok = kind.Case(random);
            }
            catch (Exception e)
            {
                ok = false;
                kind.FirstFailure ??= $"case {n}: {e.GetType().Name}: {e.Message}";
            }
            if (!ok)
            {
                kind.Failures++;
                kind.FirstFailure ??= $"case {n}: property false";
            }
        }
        var elapsed = clock.Elapsed;
        var failures = kinds.Sum(k => k.Failures);

        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        Line("# Parser fuzzing: a million generated cases");
        Line();
        Line($"- date: {DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", Invariant)} UTC");
        Line(
            $"- machine: {Environment.ProcessorCount} " +
            $"cores, {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}; {RuntimeInformation.FrameworkDescription}");
        Line($"- generator: System.Random seed {seed} (replay with `--seed {seed}`), one thread, cases spread evenly over the kinds below");
        Line(
            $"- a case fails when the parser throws or its property is false (hostile input: never throws and classifies consistently; " +
            $"well-formed input: parses back to what was generated)");
        Line();
        Line(
            $"**cases: {cases.ToString("N0", Invariant)}, time: {elapsed.TotalSeconds.ToString("0.00", Invariant)} s " +
            $"({(cases / elapsed.TotalSeconds).ToString("N0", Invariant)} cases/s), failures: {failures}**");
        Line();
        Line("| kind | cases | failures | first failure |");
        Line("| --- | ---: | ---: | --- |");
        foreach (var k in kinds) Line($"| {k.Name} | {k.Cases.ToString("N0", Invariant)} | {k.Failures} | {k.FirstFailure ?? ""} |");
        Line();
        Line(
            "Made with `dotnet run -c Release --project tests/MailSetup.Benchmarks -- fuzz`. The same properties run with FsCheck in the test " +
            "suite (ParserPropertyTests).");

        var path = outPath ?? Path.Combine(ApplyMeasurement.ResultsFolder(), "parser-fuzz-1m.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text.ToString());
        Console.WriteLine(text);
        Console.WriteLine($"written to {Path.GetFullPath(path)}");
        return failures == 0 ? 0 : 1;
    }

    private static string Hostile(Random r)
    {
        var text = new StringBuilder(Prefixes[r.Next(Prefixes.Length)]);
        var length = r.Next(0, r.Next(1, 4) == 1 ? 300 : 40);
        for (var i = 0; i < length; i++)
        {
            var roll = r.Next(20);
            text.Append(roll < 15 ? Protocolish[r.Next(Protocolish.Length)] : roll < 19 ? Odd[r.Next(Odd.Length)] : (char)r.Next(0, 0x10000));
        }
        return text.ToString();
    }

    private static string PrintableText(Random r)
    {
        var length = r.Next(0, 40);
        var text = new char[length];
        for (var i = 0; i < length; i++) text[i] = Protocolish[r.Next(Protocolish.Length)];
        return new string(text);
    }

    private static string Word(Random r, string alphabet, int min = 1)
    {
        var length = r.Next(min, min + 20);
        var text = new char[length];
        for (var i = 0; i < length; i++) text[i] = alphabet[r.Next(alphabet.Length)];
        return new string(text);
    }

    private static bool SmtpHostile(Random r)
    {
        var line = Hostile(r);
        var parsed = SmtpReply.ParseLine(line);
        return parsed is null
            || parsed.Value.Code is >= 200 and <= 599 && line.StartsWith(parsed.Value.Code.ToString("D3", Invariant), StringComparison.Ordinal);
    }

    private static bool SmtpRoundTrip(Random r)
    {
        var code = r.Next(200, 600);
        var separator = r.Next(3) switch { 0 => "-", 1 => " ", _ => "" };
        var text = separator == "" ? "" : PrintableText(r);
        return SmtpReply.ParseLine($"{code}{separator}{text}") == (code, separator == "-", text);
    }

    private static bool SmtpMultiline(Random r)
    {
        var code = r.Next(200, 600);
        var lines =
            Enumerable.Range(0, r.Next(0, 12)).Select(_ => $"{code}-{PrintableText(r)}")
                .Append($"{code} {r.Next(2, 6)}.{r.Next(0, 999)}.{r.Next(0, 999)} {PrintableText(r)}").ToArray();
        var assembler = new SmtpReplyAssembler();
        for (var i = 0; i < lines.Length - 1; i++)
            if (!assembler.TryAdd(lines[i], out var early) || early is not null) return false;
        if (!assembler.TryAdd(lines[^1], out var reply) || reply is null) return false;
        var enhanced = lines[^1][4..].Split(' ')[0];
        var expectEnhanced = enhanced[0] is '2' or '4' or '5' ? enhanced : null;
        // Hostile lines in between break the reply: the assembler says so instead of throwing.
        var broken = new SmtpReplyAssembler().TryAdd(Hostile(r), out _);
        _ = broken;
        return reply.Code == code && reply.Lines.SequenceEqual(lines) && reply.EnhancedStatus == expectEnhanced;
    }

    private static bool ImapHostile(Random r)
    {
        var response = new ImapResponse(Hostile(r));
        _ = (response.IsContinuation, response.ContinuationText, response.Status, response.Capabilities, response.IsTagged("A1"));
        return !response.IsUntagged || response.IsWellFormed;
    }

    private static bool ImapRoundTrip(Random r)
    {
        var tag = Word(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.");
        var status = r.Next(3) switch { 0 => "OK", 1 => "NO", _ => "BAD" };
        var capabilities = Enumerable.Range(0, r.Next(0, 10)).Select(_ => Word(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=-+")).ToArray();
        var tagged = new ImapResponse($"{tag} {status} {PrintableText(r)}");
        var code = new ImapResponse($"* OK [CAPABILITY {string.Join(' ', capabilities)}] {PrintableText(r)}");
        return tagged.IsTagged(tag) && tagged.Status == status && tagged.IsWellFormed && code.Capabilities!.SequenceEqual(capabilities);
    }

    private static bool Pop(Random r)
    {
        var hostile = Hostile(r);
        var kind = Pop3Reply.Classify(hostile);
        _ = Pop3Reply.Text(hostile);
        if (kind == Pop3ReplyKind.Ok && !hostile.StartsWith("+OK", StringComparison.OrdinalIgnoreCase)) return false;
        var text = PrintableText(r);
        return Pop3Reply.Classify("-ERR " + text) == Pop3ReplyKind.Err && Pop3Reply.Text("+OK " + text) == text;
    }

    private static bool Challenge(Random r)
    {
        _ = SaslErrorChallenge.FromBase64(Hostile(r));
        _ = SaslErrorChallenge.FromBase64(Convert.ToBase64String(Encoding.UTF8.GetBytes(Hostile(r))));
        var status = PrintableText(r);
        var scope = PrintableText(r);
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["status"] = status, ["scope"] = scope });
        var challenge = SaslErrorChallenge.FromBase64(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)));
        return challenge.Status == status && challenge.Scope == scope && challenge.Json == json;
    }

    private static bool Payload(Random r)
    {
        var mailbox = Word(r, "abcdefghijklmnopqrstuvwxyz.,=+_") + "@" + Word(r, "abcdefghijklmnopqrstuvwxyz") + ".test";
        var token = "TOK" + Word(r, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 16);
        var xoauth2 = new XOAuth2Mechanism(new SaslCredentials(mailbox, token, "h", 1));
        var bearer = new OAuthBearerMechanism(new SaslCredentials(mailbox, token, "h", 1));
        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(xoauth2.InitialResponse()));
        var gs2 = Encoding.UTF8.GetString(Convert.FromBase64String(bearer.InitialResponse())).Split('\u0001')[0].Split(',');
        return decoded == $"user={mailbox}\u0001auth=Bearer {token}\u0001\u0001"
            && gs2.Length == 3 && gs2[1][2..].Replace("=2C", ",").Replace("=3D", "=") == mailbox
            && !xoauth2.RedactedInitialResponse().Contains(token, StringComparison.Ordinal)
            && !bearer.RedactedInitialResponse().Contains(token, StringComparison.Ordinal);
    }

    private static bool Printable(Random r)
    {
        var printable = ServerText.Printable(Hostile(r));
        return !printable.Any(c => c != '\t' && char.IsControl(c));
    }

    private static bool Describe(Random r)
    {
        var hostile = TokenRedactor.Describe(Hostile(r));
        var signature = Word(r, "abcdefghijklmnopqrstuvwxyz0123456789-_", 16);
        object exp = r.Next(4) switch { 0 => (long)r.Next(), 1 => long.MaxValue, 2 => -1L, _ => "soon" };
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["aud"] = PrintableText(r), ["exp"] = exp });
        var jwt = $"eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.{System.Buffers.Text.Base64Url.EncodeToString(payload)}.{signature}";
        var described = TokenRedactor.Describe(jwt);
        return hostile.StartsWith("<token redacted", StringComparison.Ordinal)
            && described.StartsWith("<token redacted: aud=", StringComparison.Ordinal)
            && !described.Contains(signature, StringComparison.Ordinal);
    }
}
