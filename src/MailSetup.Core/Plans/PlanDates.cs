using System.Globalization;

namespace MailSetup.Core.Plans;

/// <summary>Dates as plans write them: UTC, ISO calendar, whatever the machine's culture or zone.</summary>
public static class PlanDates
{
    /// <summary>The day in ISO form (2026-11-21); the current culture could pick another calendar.</summary>
    public static string Day(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The instant in UTC (2026-11-21T09:30:00Z).</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
