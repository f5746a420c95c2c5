namespace MailSetup.Core.Plans.Rendering;

/// <summary>Word wrapping for plain-text output read in 80-column terminals.</summary>
internal static class TextWrap
{
    /// <summary>Wraps at word boundaries; words longer than the width stay whole on their own line.</summary>
    public static IEnumerable<string> Lines(string text, int width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
