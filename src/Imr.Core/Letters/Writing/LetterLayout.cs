using System.Globalization;
using Imr.Letters.Model;

namespace Imr.Letters.Writing;

/// <summary>
/// A determination laid out as a letter: the header, then the three sections with their paragraphs in
/// the order and wording of the published letters. The text and HTML writers both render this, so
/// their paragraphs carry the same text.
/// </summary>
internal sealed record LetterLayout(IReadOnlyList<HeaderRow> Header, IReadOnlyList<LetterSection> Sections)
{
    public static LetterLayout Of(Determination determination)
    {
        ArgumentNullException.ThrowIfNull(determination);
        return new LetterLayout(
            HeaderRows(determination),
            [
                new LetterSection("how", LetterWording.HowMadeHeading, HowMade(determination.Reviewer)),
                new LetterSection("summary", LetterWording.CaseSummaryHeading, CaseSummary(determination.CaseSummary)),
                new LetterSection("issues", LetterWording.IssuesHeading, Issues(determination.Items)),
            ]);
    }

    /// <summary>The published header table, or no rows when the determination states none of its
    /// fields (the plain-text letters have no header, and an empty table would invent one).</summary>
    private static IReadOnlyList<HeaderRow> HeaderRows(Determination d)
    {
        var hasHeader = d.CaseNumber is not null || d.DateAssigned is not null || d.DateOfInjury is not null
            || d.DecisionDate is not null || d.UrDenialDate is not null || d.ApplicationReceived is not null
            || d.Priority is not null;
        if (!hasHeader) return [];
        return
        [
            new HeaderRow(new HeaderCell(["Case Number:"], d.CaseNumber?.Value ?? ""), null),
            new HeaderRow(DateCell(["Date Assigned:"], d.DateAssigned), DateCell(["Date of Injury:"], d.DateOfInjury)),
            new HeaderRow(DateCell(["Decision Date:"], d.DecisionDate), DateCell(["UR Denial Date:"], d.UrDenialDate)),
            // Printed on two lines in every published letter, so that is the shape readers know.
            new HeaderRow(new HeaderCell(["Priority:"], d.Priority?.ToString() ?? ""), DateCell(["Application", "Received:"], d.ApplicationReceived)),
        ];
    }

    private static HeaderCell DateCell(string[] label, DateOnly? date) =>
        new(label, date?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) ?? "") { Date = date };

    private static IReadOnlyList<LetterBlock> HowMade(Reviewer reviewer)
    {
        var blocks = new List<LetterBlock> { new ParagraphBlock(null, LetterWording.Independence(reviewer)) };
        var listed = LetterWording.ListedCredentials(reviewer);
        if (listed.Count > 0) blocks.Add(new LinesBlock(listed));
        return blocks;
    }

    private static IReadOnlyList<LetterBlock> CaseSummary(string summary)
    {
        var blocks = new List<LetterBlock> { new ParagraphBlock(null, LetterWording.CaseSummaryIntro) };
        if (LineBreaking.Normalize(summary).Length > 0) blocks.Add(new ParagraphBlock(null, summary));
        return blocks;
    }

    private static IReadOnlyList<LetterBlock> Issues(IEnumerable<DeterminationItem> items)
    {
        var blocks = new List<LetterBlock> { new ParagraphBlock(null, LetterWording.IssuesIntro) };
        foreach (var item in items)
        {
            blocks.Add(new ItemBlock(
                item.Treatment,
                item.Decision,
                [
                    new ParagraphBlock(LetterWording.ClaimsAdministratorLabel, item.ClaimsAdministratorGuideline),
                    new ParagraphBlock(LetterWording.ReviewerGuidelineLabel, item.ReviewerGuideline),
                    new ParagraphBlock(LetterWording.RationaleLabel, item.Rationale),
                ]));
        }
        return blocks;
    }
}

/// <summary>One row of the header table: a label and value, and a second pair beside it.</summary>
internal sealed record HeaderRow(HeaderCell First, HeaderCell? Second);

/// <summary>A label (in the lines it is printed on) and its value, empty when not stated.</summary>
internal sealed record HeaderCell(IReadOnlyList<string> LabelLines, string Value)
{
    public string Label => string.Join(" ", LabelLines);

    /// <summary>The value as a date, for cells that hold one.</summary>
    public DateOnly? Date { get; init; }
}

/// <summary>A headed section of the letter; <see cref="Key"/> names it in HTML ids.</summary>
internal sealed record LetterSection(string Key, string Heading, IReadOnlyList<LetterBlock> Blocks);

internal abstract record LetterBlock;

/// <summary>A paragraph, optionally opening with a label ("Decision rationale:") set in bold.</summary>
internal sealed record ParagraphBlock(string? Label, string Text) : LetterBlock
{
    /// <summary>The paragraph's text as a reader sees it: the label, a space, the text.</summary>
    public string FullText => Label is null ? LineBreaking.Normalize(Text) : LineBreaking.Normalize(Label + " " + Text);
}

/// <summary>Lines that stay lines (the listed credentials), printed without blank lines between.</summary>
internal sealed record LinesBlock(IReadOnlyList<string> Lines) : LetterBlock;

/// <summary>A disputed item: the "treatment: Decision" line and its three paragraphs.</summary>
internal sealed record ItemBlock(string Treatment, Decision Decision, IReadOnlyList<ParagraphBlock> Paragraphs) : LetterBlock
{
    public string DecisionLine => LineBreaking.Normalize(Treatment) + ": " + Decision;
}
