using System.Globalization;
using Collaboration.Grains.Evaluations;

namespace Collaboration.Web.Evaluations;

/// <summary>The results: per question, how many answered, the distribution, the mean of a rating, the texts (without names).</summary>
public sealed record EvaluationSummary(int Invited, int Answered, double ResponseRate, IReadOnlyList<QuestionSummary> Questions)
{
    public static EvaluationSummary Of(EvaluationView view, IReadOnlyList<AnswerRecord> answers)
    {
        var questions = view.Questions.Select(q =>
        {
            var values = answers.Select(a => a.Values.GetValueOrDefault(q.Id)).OfType<string>().ToList();
            IReadOnlyList<OptionCount> distribution = q.Kind switch
            {
                QuestionKind.Rating => [.. Enumerable.Range(1, 5).Select(i => new OptionCount(i.ToString(CultureInfo.InvariantCulture),
                    i.ToString(CultureInfo.InvariantCulture), i.ToString(CultureInfo.InvariantCulture), values.Count(v => v == i.ToString(CultureInfo.InvariantCulture))))],
                QuestionKind.YesNo => [new("yes", "Oui", "Yes", values.Count(v => v == "yes")), new("no", "Non", "No", values.Count(v => v == "no"))],
                QuestionKind.SingleChoice => [.. q.Choices.Select((c, i) => new OptionCount(i.ToString(CultureInfo.InvariantCulture), c.Fr, c.En,
                    values.Count(v => v == i.ToString(CultureInfo.InvariantCulture))))],
                _ => [],
            };
            double? mean = q.Kind == QuestionKind.Rating && values.Count > 0
                ? Math.Round(values.Average(v => int.Parse(v, CultureInfo.InvariantCulture)), 2) : null;
            IReadOnlyList<string> texts = q.Kind == QuestionKind.Text ? values : [];
            return new QuestionSummary(q.Id, q.Kind, q.TextFr, q.TextEn, values.Count, mean, distribution, texts);
        }).ToList();
        var rate = view.Invited == 0 ? 0 : Math.Round(100.0 * view.Answered / view.Invited, 1);
        return new EvaluationSummary(view.Invited, view.Answered, rate, questions);
    }
}

public sealed record QuestionSummary(string Id, QuestionKind Kind, string TextFr, string TextEn, int Count, double? Mean,
    IReadOnlyList<OptionCount> Distribution, IReadOnlyList<string> Texts);

public sealed record OptionCount(string Value, string LabelFr, string LabelEn, int Count);
