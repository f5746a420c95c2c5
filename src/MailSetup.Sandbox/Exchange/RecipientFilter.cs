using System.Text;
using System.Text.RegularExpressions;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange;

/// <summary>
/// Exchange's OPATH recipient filters as management scopes use them, e.g.
/// <c>MemberOfGroup -eq 'CN=mail-apps,...'</c>: comparisons with -eq, -ne, -like, -notlike on a few
/// recipient properties, joined by -and, -or, -not and parentheses.
/// </summary>
internal sealed class RecipientFilter
{
    private static readonly string[] Properties =
        ["MemberOfGroup", "PrimarySmtpAddress", "WindowsEmailAddress", "EmailAddresses", "Alias", "Name", "DisplayName",
         "UserPrincipalName", "RecipientTypeDetails", "ExternalDirectoryObjectId", "Guid"];

    private readonly Func<SandboxUser, TenantState, bool> _test;

    private RecipientFilter(Func<SandboxUser, TenantState, bool> test) => _test = test;

    /// <exception cref="ExchangeException">The filter is not valid OPATH for this subset.</exception>
    public static RecipientFilter Parse(string text) => new(new Parser(text).Parse());

    public bool Matches(SandboxUser recipient, TenantState state) => _test(recipient, state);

    private sealed class Parser(string text)
    {
        private readonly List<string> _tokens = Tokens(text);
        private int _at;

        public Func<SandboxUser, TenantState, bool> Parse()
        {
            var test = Or();
            if (_at != _tokens.Count) throw Invalid($"unexpected '{_tokens[_at]}'");
            return test;
        }

        private Func<SandboxUser, TenantState, bool> Or()
        {
            var left = And();
            while (Is("-or"))
            {
                _at++;
                var (l, r) = (left, And());
                left = (u, s) => l(u, s) || r(u, s);
            }
            return left;
        }

        private Func<SandboxUser, TenantState, bool> And()
        {
            var left = Unary();
            while (Is("-and"))
            {
                _at++;
                var (l, r) = (left, Unary());
                left = (u, s) => l(u, s) && r(u, s);
            }
            return left;
        }

        private Func<SandboxUser, TenantState, bool> Unary()
        {
            if (Is("-not"))
            {
                _at++;
                var inner = Unary();
                return (u, s) => !inner(u, s);
            }
            if (Is("("))
            {
                _at++;
                var inner = Or();
                if (!Is(")")) throw Invalid("a parenthesis is not closed");
                _at++;
                return inner;
            }
            return Comparison();
        }

        private Func<SandboxUser, TenantState, bool> Comparison()
        {
            var property = Take();
            var known = Properties.FirstOrDefault(p => p.Equals(property, StringComparison.OrdinalIgnoreCase))
                        ?? throw Invalid($"'{property}' is not a recognized filterable property");
            var op = Take().ToLowerInvariant();
            var value = Unquote(Take());
            Func<string?, bool> compare = op switch
            {
                "-eq" => v => ExchangeRecipients.Same(v, value),
                "-ne" => v => !ExchangeRecipients.Same(v, value),
                "-like" => Like(value),
                "-notlike" => v => !Like(value)(v),
                _ => throw Invalid($"'{op}' is not a supported operator"),
            };
            if (known == "MemberOfGroup")
                return (user, state) => op is "-ne" or "-notlike"
                    ? !MemberOf(user, state, value)
                    : MemberOf(user, state, value);
            return (user, _) => compare(ValueOf(known, user));
        }

        private static bool MemberOf(SandboxUser user, TenantState state, string group) =>
            state.Groups.Any(
                g =>
                    (ExchangeRecipients.Same(g.DistinguishedName, group) || ExchangeRecipients.Same(g.Id, group)
                        || ExchangeRecipients.Same(g.Mail, group))
                                  && g.MemberIds.Contains(user.Id, StringComparer.OrdinalIgnoreCase));

        private static string? ValueOf(string property, SandboxUser user) => property switch
        {
            "PrimarySmtpAddress" or "WindowsEmailAddress" or "EmailAddresses" => user.Mail,
            "Alias" or "Name" => ExchangeRecipients.Alias(user.Mail),
            "DisplayName" => user.DisplayName,
            "UserPrincipalName" => user.UserPrincipalName,
            "RecipientTypeDetails" => user.RecipientTypeDetails,
            _ => user.Id,
        };

        private static Func<string?, bool> Like(string pattern)
        {
            var regex = new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return v => v is not null && regex.IsMatch(v);
        }

        private bool Is(string token) => _at < _tokens.Count && _tokens[_at].Equals(token, StringComparison.OrdinalIgnoreCase);

        private string Take() => _at < _tokens.Count ? _tokens[_at++] : throw Invalid("the filter ends too early");

        private static string Unquote(string token) =>
            token.Length >= 2 && token[0] is '\'' or '"'
                ? token[1..^1].Replace(new string(token[0], 2), token[0].ToString(), StringComparison.Ordinal)
                : token;

        private static List<string> Tokens(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
                var token = new StringBuilder();
                if (c is '\'' or '"')
                {
                    token.Append(c);
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) throw Invalid("a quoted value is not closed");
                        if (text[i] == c && !(i + 1 < text.Length && text[i + 1] == c)) { token.Append(c); i++; break; }
                        if (text[i] == c) { token.Append(c).Append(c); i += 2; continue; }
                        token.Append(text[i++]);
                    }
                }
                else
                {
                    while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')') token.Append(text[i++]);
                }
                tokens.Add(token.ToString());
            }
            return tokens;
        }

        private static ExchangeException Invalid(string why) => new("InvalidFilterException", $"Invalid filter syntax: {why}.");
    }
}
