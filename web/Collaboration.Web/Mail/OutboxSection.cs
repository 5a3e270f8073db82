namespace Collaboration.Web.Mail;

/// <summary>
/// What a page says about the one outbox partial it renders (<c>Pages/Mail/_Outbox.cshtml</c>, driven by
/// <c>client/src/mail/outbox.js</c>): a prefix for its ids, the intro sentence's message key (whose emails
/// these are), the heading level that fits the page's outline, and whether each email names its registration
/// (a colloque's emails come from many registrations: the code is a column and part of the resend address).
/// </summary>
public sealed record OutboxSection(string Id, string IntroKey, int HeadingLevel = 3, bool ByRegistration = false);
