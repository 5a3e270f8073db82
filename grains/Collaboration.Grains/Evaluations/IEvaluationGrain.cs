using Collaboration.Grains.Mail;

namespace Collaboration.Grains.Evaluations;

/// <summary>
/// The evaluation of one event (key: its <see cref="Participation.EventSubject.Key"/>): the form, the schedule, and
/// the invitations of those marked present, with their emails. The answers go to <see cref="IEvaluationResultsGrain"/>.
/// </summary>
[Alias("evaluation")]
public interface IEvaluationGrain : IGrainWithStringKey, IMailOutboxGrain
{
    /// <summary>Saves the form and schedule and starts the clock (an Orleans reminder looks at it).</summary>
    Task<SaveResult> SaveAsync(EvaluationSetup setup);

    /// <summary>The organiser's view; with the default form and schedule when none was saved. Null for an unknown event.</summary>
    Task<EvaluationView?> GetAsync();

    /// <summary>What the reminder does: invites those present once the send time has come, reminds once. Also the organiser's "send now" after <see cref="SendNowAsync"/>.</summary>
    Task TickAsync();

    /// <summary>Moves the send time to now and sends.</summary>
    Task<SaveResult> SendNowAsync();

    Task<InvitationView?> OpenAsync(string tokenHash);

    /// <summary>Records the link's answer (or its change, until the form closes): the invitation says "answered", the answer goes to the results.</summary>
    Task<AnswerOutcome> AnswerAsync(string tokenHash, string answerKey, IReadOnlyDictionary<string, string> values);

    /// <summary>Retention: forgets names, emails and links (counts stay); answers how many invitations were forgotten now.</summary>
    Task<int> ForgetLinksAsync();

    /// <summary>An erased person (by registration code): their invitation forgets them.</summary>
    Task<int> ForgetPersonAsync(string reference);
}
