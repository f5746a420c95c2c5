using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Identity.Client;

namespace MailSetup.Core.Identity;

/// <summary>
/// What Entra said when a sign-in failed: the OAuth error, the AADSTS codes and the first line of
/// the description. Azure.Identity 1.21's AuthenticationFailedException carries none of this in its
/// own message (measured: "ClientSecretCredential authentication failed: " and nothing after), only
/// in the MSAL exception inside it, so diagnosis reads it from there.
/// </summary>
public sealed partial record SignInFailure(string? Error, IReadOnlyList<int> Codes, string Description, int? StatusCode)
{
    /// <summary>The first AADSTS code, the one FACTS.md's table explains; null when Entra gave none.</summary>
    public int? Code => Codes.Count > 0 ? Codes[0] : null;

    /// <summary>The Entra failure somewhere in <paramref name="exception"/>'s chain, or null when it holds none (network, configuration).</summary>
    public static SignInFailure? From(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is MsalServiceException msal) return FromMsal(msal);
        }
        return null;
    }

    private static SignInFailure FromMsal(MsalServiceException msal) =>
        FromResponse(msal.ResponseBody, msal.Message, msal.ErrorCode, msal.StatusCode);

    /// <summary>
    /// Entra's failure from a token endpoint answer: <paramref name="responseBody"/> is its JSON error
    /// (<c>error</c>, <c>error_description</c>, <c>error_codes</c>); <paramref name="fallback"/> is used when the body is not that.
    /// </summary>
    public static SignInFailure FromResponse(string? responseBody, string fallback, string? error, int statusCode)
    {
        string? description = null;
        var codes = new List<int>();
        try
        {
            if (!string.IsNullOrWhiteSpace(responseBody))
            {
                using var body = JsonDocument.Parse(responseBody);
                if (error is null && body.RootElement.TryGetProperty("error", out var errorText) && errorText.ValueKind == JsonValueKind.String)
                    error = errorText.GetString();
                if (body.RootElement.TryGetProperty("error_description", out var text) && text.ValueKind == JsonValueKind.String)
                    description = text.GetString();
                if (body.RootElement.TryGetProperty("error_codes", out var list) && list.ValueKind == JsonValueKind.Array)
                    codes.AddRange(list.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Number).Select(c => c.GetInt32()));
            }
        }
        catch (JsonException)
        {
            // Not Entra's JSON (a proxy's page, say): fall back to MSAL's message below.
        }

        // MSAL rewords some errors ("A configuration issue is preventing authentication ... Original
        // exception: AADSTS..."); the AADSTS text is what people search for, so start there.
        description ??= fallback;
        var start = Aadsts().Match(description);
        if (start.Success) description = description[start.Index..];
        if (codes.Count == 0 && start.Success) codes.Add(int.Parse(start.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

        var firstLine = description.Split(["\r\n", "\n"], StringSplitOptions.None)[0].Trim();
        return new SignInFailure(error, codes, firstLine, statusCode == 0 ? null : statusCode);
    }

    [GeneratedRegex(@"AADSTS(\d+)")]
    private static partial Regex Aadsts();
}
