using System.Text.Json;
using Imr.Letters.Model;
using Imr.Operations.Model;
using Imr.Operations.Services;
using static Imr.Tests.Operations.OperationsSamples;

namespace Imr.Tests.Operations;

public sealed class QualityCheckTests
{
    private static readonly DateTimeOffset BeforeDeadline = NoonIn(2026, 2, 12);

    private static ImrCase WithWork(ReviewerWork work) => CaseAt(CaseStatus.Assigned).SaveReview(work, NoonIn(2026, 2, 10));

    private static ReviewerWork ChangeItem(int index, Func<ItemReview, ItemReview> change)
    {
        var work = CompleteWork();
        return work with { Items = work.Items.Select((item, i) => i == index ? change(item) : item).ToList() };
    }

    private static QaFinding Single(ImrCase c, QaFindingCode code) =>
        Assert.Single(QualityCheck.Run(c, BeforeDeadline).Findings, f => f.Code == code);

    [Fact]
    public void Complete_consistent_work_on_time_has_no_findings()
    {
        var report = QualityCheck.Run(WithWork(CompleteWork()), new FakeClock(BeforeDeadline));

        Assert.Empty(report.Findings);
        Assert.True(report.CanApprove);
    }

    [Fact]
    public void No_saved_work_is_an_error()
    {
        var report = QualityCheck.Run(CaseAt(CaseStatus.Assigned), BeforeDeadline);

        Assert.Equal([QaFindingCode.NoReview], report.Findings.Select(f => f.Code));
        Assert.False(report.CanApprove);
    }

    [Fact]
    public void A_missing_case_summary_is_an_error()
    {
        var finding = Single(WithWork(CompleteWork() with { CaseSummary = " " }), QaFindingCode.CaseSummaryMissing);

        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Null(finding.Item);
    }

    [Fact]
    public void An_undecided_item_is_an_error_naming_the_item()
    {
        var finding = Single(WithWork(ChangeItem(1, i => i with { Decision = null })), QaFindingCode.ItemUndecided);

        Assert.Equal((FindingSeverity.Error, 2), (finding.Severity, finding.Item));
        Assert.Contains("Lumbar epidural", finding.Message);
    }

    [Fact]
    public void An_item_without_a_guideline_is_an_error_and_one_naming_no_source_a_warning()
    {
        Assert.Equal(FindingSeverity.Error, Single(WithWork(ChangeItem(0, i => i with { ReviewerGuideline = "" })), QaFindingCode.GuidelineMissing).Severity);
        Assert.Equal(FindingSeverity.Warning, Single(WithWork(ChangeItem(0, i => i with { ReviewerGuideline = "My experience." })), QaFindingCode.GuidelineUnrecognized).Severity);
    }

    [Fact]
    public void An_item_without_a_rationale_is_an_error()
    {
        Assert.Equal(FindingSeverity.Error, Single(WithWork(ChangeItem(0, i => i with { Rationale = "" })), QaFindingCode.RationaleMissing).Severity);
    }

    [Theory]
    [InlineData(0, "Given the documented improvement, Norco 10/325 mg #60 is medically necessary.")]
    [InlineData(1, "Without radicular findings an epidural injection is not recommended.")]
    public void A_rationale_concluding_against_the_decision_is_an_error(int index, string rationale)
    {
        // Item 1 is Upheld, item 2 Overturned.
        var finding = Single(WithWork(ChangeItem(index, i => i with { Rationale = rationale })), QaFindingCode.RationaleContradictsDecision);

        Assert.Equal((FindingSeverity.Error, index + 1), (finding.Severity, finding.Item));
    }

    [Fact]
    public void A_rationale_that_never_concludes_is_a_warning()
    {
        var finding = Single(WithWork(ChangeItem(0, i => i with { Rationale = "The patient has taken Norco for two years." })), QaFindingCode.RationaleWithoutConclusion);

        Assert.Equal(FindingSeverity.Warning, finding.Severity);
    }

    [Fact]
    public void Work_without_any_records_received_is_an_error()
    {
        var c = ImrCase.Open(CaseId.New(), CaseNumber.Parse("CM26-0000001"), Application(), NoonIn(2026, 1, 20))
            .RecordEligibility(new EligibilityResult(new DateOnly(2026, 1, 22), []), NoonIn(2026, 1, 22))
            .RequestRecords(NoticeDelivery.Mail, NoonIn(2026, 1, 22))
            .Assign(ExpertReviewerId.New(), Coordinator, NoonIn(2026, 1, 23))
            .SaveReview(CompleteWork(), NoonIn(2026, 1, 24));

        Assert.Equal(FindingSeverity.Error, Single(c, QaFindingCode.NoRecords).Severity);
    }

    [Fact]
    public void A_passed_deadline_is_a_warning()
    {
        // Records came on 1/30: the determination was due on 3/1.
        var report = QualityCheck.Run(WithWork(CompleteWork()), NoonIn(2026, 3, 2));

        var finding = Assert.Single(report.Findings);
        Assert.Equal((QaFindingCode.DeadlinePassed, FindingSeverity.Warning), (finding.Code, finding.Severity));
        Assert.Contains("03/01/2026", finding.Message);
        Assert.True(report.CanApprove);
    }
}

public sealed class RationaleConclusionTests
{
    [Theory]
    [InlineData("Therefore, the request is not medically necessary.", Decision.Upheld)]
    [InlineData("As such, the request for Norco is not-medically necessary.", Decision.Upheld)]
    [InlineData("Continued use is not currently recommended.", Decision.Upheld)]
    [InlineData("The injection is not indicated at this time.", Decision.Upheld)]
    [InlineData("The medical necessity of this request is not established.", Decision.Upheld)]
    [InlineData("Additional therapy is not a medical necessity at this time.", Decision.Upheld)]
    [InlineData("The request is medically necessary.", Decision.Overturned)]
    [InlineData("Since conservative care has not helped, surgery is recommended.", Decision.Overturned)]
    [InlineData("The injection is indicated.", Decision.Overturned)]
    public void The_last_sentence_that_states_medical_necessity_decides(string conclusion, Decision expected)
    {
        Assert.Equal(expected, RationaleConclusion.Of("The records show chronic low back pain. " + conclusion));
    }

    [Fact]
    public void Later_sentences_that_conclude_nothing_do_not_change_the_conclusion()
    {
        const string rationale = "The request is not medically necessary. The treating physician is advised to consult the MTUS, and if necessary, other guidelines regarding the most appropriate method for weaning.";

        Assert.Equal(Decision.Upheld, RationaleConclusion.Of(rationale));
    }

    [Fact]
    public void A_rationale_without_a_conclusion_has_none()
    {
        Assert.Null(RationaleConclusion.Of("The records indicated the worker had pain."));
        Assert.Null(RationaleConclusion.Of(""));
    }

    [Fact]
    public void Every_item_of_the_letter_corpus_concludes_the_way_it_was_decided()
    {
        var disagreements = new List<string>();
        var items = 0;
        foreach (var file in Directory.EnumerateFiles(TestPaths.CorpusExpected, "*.json"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (!document.RootElement.TryGetProperty("items", out var list)) continue;
            foreach (var item in list.EnumerateArray())
            {
                items++;
                var decision = Enum.Parse<Decision>(item.GetProperty("decision").GetString()!);
                var concluded = RationaleConclusion.Of(item.GetProperty("rationale").GetString());
                if (concluded != decision) disagreements.Add($"{Path.GetFileName(file)}: {decision}, read {concluded?.ToString() ?? "no conclusion"}");
            }
        }
        Assert.True(items > 250, $"only {items} corpus items");
        Assert.Empty(disagreements);
    }
}
