namespace Collaboration.Grains.Evaluations;

/// <summary>Checks a set of answers against a form: each value fits its question, required ones are given, nothing else is sent.</summary>
public static class EvaluationAnswers
{
    public const int MaxTextLength = 2000;

    /// <summary>The ids of the questions whose answer is wrong (an id not in the form is reported as itself).</summary>
    public static IReadOnlyList<string> Check(IReadOnlyList<EvaluationQuestion> questions, IReadOnlyDictionary<string, string> values)
    {
        var wrong = values.Keys.Where(id => questions.All(q => q.Id != id)).ToList();
        foreach (var q in questions)
        {
            var given = values.TryGetValue(q.Id, out var value) && !string.IsNullOrWhiteSpace(value);
            if (!given)
            {
                if (q.Required) wrong.Add(q.Id);
                continue;
            }
            var ok = q.Kind switch
            {
                QuestionKind.Rating => value is "1" or "2" or "3" or "4" or "5",
                QuestionKind.YesNo => value is "yes" or "no",
                QuestionKind.SingleChoice => int.TryParse(value, out var i) && i >= 0 && i < q.Choices.Count && value == i.ToString(),
                _ => value!.Length <= MaxTextLength,
            };
            if (!ok) wrong.Add(q.Id);
        }
        return wrong;
    }

    /// <summary>The answers as stored: blanks dropped, text trimmed.</summary>
    public static Dictionary<string, string> Clean(IReadOnlyDictionary<string, string> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value.Trim());
}
