namespace MailSetup.Core.Plans;

/// <summary>
/// The small path language of <see cref="ValueCapture.Path"/>: properties separated by dots, and a
/// property may pick the array item whose property equals a value: <c>appRoles[value=IMAP.AccessAsApp].id</c>.
/// Values may hold dots; brackets keep them whole.
/// </summary>
public static class CapturePath
{
    /// <summary>One step of a path: a property, and for arrays the item filter.</summary>
    public sealed record Segment(string Property, string? FilterProperty = null, string? FilterValue = null);

    public static IReadOnlyList<Segment> Parse(string path)
    {
        var segments = new List<Segment>();
        var position = 0;
        while (position < path.Length)
        {
            var end = position;
            while (end < path.Length && path[end] is not ('.' or '[')) end++;
            var property = path[position..end];
            if (end < path.Length && path[end] == '[')
            {
                var close = path.IndexOf(']', end);
                if (close < 0) throw new FormatException($"capture path '{path}' has an unclosed '['.");
                var filter = path[(end + 1)..close].Split('=', 2);
                if (filter.Length != 2) throw new FormatException($"capture path '{path}' needs [property=value] in brackets.");
                segments.Add(new(property, filter[0], filter[1]));
                end = close + 1;
            }
            else
            {
                segments.Add(new(property));
            }
            position = end < path.Length && path[end] == '.' ? end + 1 : end;
        }
        return segments;
    }
}
