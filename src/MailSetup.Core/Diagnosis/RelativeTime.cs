namespace MailSetup.Core.Diagnosis;

/// <summary>"in 5 min", "3 h ago": how far a token time is from now, for people.</summary>
public static class RelativeTime
{
    public static string Describe(DateTimeOffset when, DateTimeOffset now)
    {
        var span = when - now;
        var magnitude = span.Duration();
        var text = magnitude.TotalSeconds < 60 ? $"{(int)magnitude.TotalSeconds} s"
            : magnitude.TotalMinutes < 60 ? $"{(int)magnitude.TotalMinutes} min"
            : magnitude.TotalHours < 48 ? $"{(int)magnitude.TotalHours} h"
            : $"{(int)magnitude.TotalDays} d";
        return span >= TimeSpan.Zero ? $"in {text}" : $"{text} ago";
    }
}
