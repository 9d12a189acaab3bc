namespace Imr.Letters.Writing;

/// <summary>Greedy word wrapping that breaks only where <see cref="LineBreaking"/> allows.</summary>
internal static class TextWrapper
{
    /// <summary>
    /// Wraps text into lines of at most <paramref name="width"/> characters. A single unbreakable run
    /// longer than the width (a long URL without hyphens) is left on a line of its own, overlong,
    /// rather than cut where a reader would insert a space.
    /// </summary>
    /// <param name="keepLastUnitsTogether">Keep the last two units on one line (the decision line must
    /// end with "treatment: Upheld", never with the decision alone on its last line).</param>
    public static IReadOnlyList<string> Wrap(string text, int width, bool keepLastUnitsTogether = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var units = LineBreaking.Units(LineBreaking.Normalize(text)).ToList();
        if (keepLastUnitsTogether && units.Count >= 2)
        {
            units[^2] = units[^2] + " " + units[^1];
            units.RemoveAt(units.Count - 1);
        }

        var lines = new List<string>();
        var current = "";
        foreach (var unit in units)
        {
            if (current.Length > 0 && current.Length + 1 + unit.Length <= width)
            {
                current += " " + unit;
                continue;
            }
            if (current.Length > 0) lines.Add(current);
            current = unit;
            if (unit.Length <= width) continue;

            // Too wide for any line: break it after its inner hyphens, filling each line.
            current = "";
            foreach (var segment in LineBreaking.Segments(unit))
            {
                if (current.Length > 0 && current.Length + segment.Length > width)
                {
                    lines.Add(current);
                    current = "";
                }
                current += segment;
            }
        }
        if (current.Length > 0) lines.Add(current);
        return lines;
    }
}
