using System.Text;
using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// The request body as text, read once and kept on the context, so the log, the faults and the
/// endpoints can all look at it (the stream is rewound for the endpoint).
/// </summary>
public static class RequestBody
{
    private const string Key = "sandbox.request-body";

    public static async Task<string> TextAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(Key, out var kept) && kept is string text) return text;
        context.Request.EnableBuffering();
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            text = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        context.Items[Key] = text;
        return text;
    }
}
