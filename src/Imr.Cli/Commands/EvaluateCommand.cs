using System.CommandLine;
using System.Text.Json.Nodes;
using Imr.DecisionSupport.Evaluation;
using Imr.Letters;
using Imr.Letters.Reading;
using Spectre.Console;

namespace Imr.Cli.Commands;

/// <summary><c>imr evaluate PATH... [--json]</c>: runs the engine blind on letters and compares with the reviewers.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Letter files (.pdf or .txt) or directories of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = CommonOptions.Json("Print the statistics as one JSON object.");
        var itemsOption = new Option<bool>("--items")
        {
            Description = "Also print one JSON line per item (source, treatment, category, policy, drafted, decided, citation agreement) before the statistics.",
        };
        var command = new Command("evaluate", "Draft letters blind (summary and requests only) and measure agreement with the reviewers' decisions.")
        {
            paths,
            json,
            itemsOption,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(paths)!, result.GetValue(json), result.GetValue(itemsOption), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string[] paths, bool json, bool perItem, CancellationToken cancellationToken)
    {
        var evaluation = new EngineEvaluation();
        var letters = 0;
        var failed = 0;
        await foreach (var (file, outcome) in LetterBatch.ReadAsync(InputFiles.Expand(paths), cancellationToken))
        {
            if (outcome.Result is not { } result)
            {
                failed++;
                Console.Error.WriteLine($"imr: {Path.GetFileName(file)}: {outcome.Error}");
                continue;
            }
            letters++;
            evaluation.Add(Path.GetFileName(file), result.Determination);
        }
        if (perItem)
            foreach (var item in evaluation.Items)
                Console.WriteLine(new JsonObject
                {
                    ["source"] = item.Source, ["treatment"] = item.Draft.Treatment, ["category"] = item.Draft.Category,
                    ["policy"] = item.Draft.Policy, ["drafted"] = item.Draft.Decision.ToString(), ["decided"] = item.Decided.ToString(),
                    ["guidelineAgrees"] = item.GuidelineAgrees, ["sectionAgrees"] = item.SectionAgrees,
                    ["citations"] = new JsonArray([.. item.Draft.Citations.Select(c => (JsonNode?)JsonValue.Create(c.Text))]),
                    ["unmet"] = new JsonArray([.. item.Draft.Criteria.Where(c => c.Status is Imr.DecisionSupport.CriterionStatus.NotMet or Imr.DecisionSupport.CriterionStatus.NotDocumented)
                        .Select(c => (JsonNode?)JsonValue.Create(c.Id + ":" + (c.Status == Imr.DecisionSupport.CriterionStatus.NotMet ? "not met" : "not documented")))]),
                }.ToJsonString(LetterJson.Options));
        var a = evaluation.Agreement;
        if (json)
        {
            var categories = new JsonArray();
            foreach (var (category, agreement, share) in evaluation.ByCategory())
                categories.Add(new JsonObject
                {
                    ["category"] = category, ["items"] = agreement.Total, ["decidedOverturned"] = agreement.TruePositives + agreement.FalseNegatives,
                    ["draftedOverturned"] = agreement.TruePositives + agreement.FalsePositives, ["accuracy"] = Round(agreement.Accuracy),
                    ["policyShare"] = Round(share),
                });
            var line = new JsonObject
            {
                ["letters"] = letters, ["failed"] = failed, ["items"] = a.Total,
                ["truePositives"] = a.TruePositives, ["falsePositives"] = a.FalsePositives,
                ["falseNegatives"] = a.FalseNegatives, ["trueNegatives"] = a.TrueNegatives,
                ["accuracy"] = Round(a.Accuracy), ["alwaysUpheldAccuracy"] = Round(a.AlwaysUpheldAccuracy),
                ["kappa"] = Round(a.Kappa), ["balancedAccuracy"] = Round(a.BalancedAccuracy),
                ["overturnPrecision"] = Round(a.OverturnPrecision), ["overturnRecall"] = Round(a.OverturnRecall),
                ["itemsWithReviewerMtus"] = evaluation.WithReviewerMtus,
                ["guidelineAgreement"] = Round(evaluation.GuidelineAgreement), ["sectionAgreement"] = Round(evaluation.SectionAgreement),
                ["policyShare"] = Round(evaluation.PolicyShare),
                ["categories"] = categories,
            };
            Console.WriteLine(line.ToJsonString(LetterJson.Options));
            return failed > 0 ? 1 : 0;
        }

        AnsiConsole.MarkupLine($"[bold]{letters}[/] letter(s), [bold]{a.Total}[/] item(s) drafted blind" + (failed > 0 ? $", [red]{failed}[/] unreadable" : ""));
        var matrix = new Table().Border(TableBorder.Rounded).Title("Confusion matrix (rows: drafted; columns: reviewer)")
            .AddColumn("").AddColumn("Overturned").AddColumn("Upheld");
        matrix.AddRow("Overturned", a.TruePositives.ToString(), a.FalsePositives.ToString());
        matrix.AddRow("Upheld", a.FalseNegatives.ToString(), a.TrueNegatives.ToString());
        AnsiConsole.Write(matrix);
        var stats = new Table().Border(TableBorder.Rounded).AddColumn("Statistic").AddColumn(new TableColumn("Value").RightAligned());
        stats.AddRow("Accuracy", P(a.Accuracy));
        stats.AddRow("Always-Upheld accuracy", P(a.AlwaysUpheldAccuracy));
        stats.AddRow("Cohen's kappa", a.Kappa.ToString("0.000"));
        stats.AddRow("Balanced accuracy", P(a.BalancedAccuracy));
        stats.AddRow("Overturn precision", P(a.OverturnPrecision));
        stats.AddRow("Overturn recall", P(a.OverturnRecall));
        stats.AddRow($"Guideline agreement (MTUS part; {evaluation.WithReviewerMtus} items cite one)", P(evaluation.GuidelineAgreement));
        stats.AddRow("Guideline agreement (part and section)", P(evaluation.SectionAgreement));
        stats.AddRow("Decided by a specific policy", P(evaluation.PolicyShare));
        AnsiConsole.Write(stats);
        var byCategory = new Table().Border(TableBorder.Rounded).Title("By treatment category")
            .AddColumn("Category").AddColumn("Items").AddColumn("Reviewer overturned").AddColumn("Drafted overturned")
            .AddColumn("Accuracy").AddColumn("By policy");
        foreach (var (category, agreement, share) in evaluation.ByCategory())
            byCategory.AddRow(Markup.Escape(category), agreement.Total.ToString(), (agreement.TruePositives + agreement.FalseNegatives).ToString(),
                (agreement.TruePositives + agreement.FalsePositives).ToString(), P(agreement.Accuracy), P(share));
        AnsiConsole.Write(byCategory);
        return failed > 0 ? 1 : 0;
    }

    private static string P(double value) => value.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture);

    private static double Round(double value) => Math.Round(value, 4);
}
