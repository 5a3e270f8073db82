using Collaboration.Silo.Hosting;
using Collaboration.Web.Accounts;
using Collaboration.Web.Attestations;
using Collaboration.Web.Audit;
using Collaboration.Web.Calendar;
using Collaboration.Web.Colloque;
using Collaboration.Web.Coordination;
using Collaboration.Web.Evaluations;
using Collaboration.Web.Layout;
using Collaboration.Web.Live;
using Collaboration.Web.Mail;
using Collaboration.Web.Meetings;
using Collaboration.Web.Participation;
using Collaboration.Web.Partners;
using Collaboration.Web.Platform;
using Collaboration.Web.Platform.Backup;
using Collaboration.Web.Portal;
using Collaboration.Web.Reports;
using Collaboration.Web.Retention;
using Collaboration.Web.Workshops;

var builder = WebApplication.CreateBuilder(args);
Collaboration.Grains.Platform.QuebecTime.EnsureAvailable(); // no Québec time zone: stop here with the reason, rather than show UTC
if (BackupCommand.IsRequested(args))
{
    // "backup FILE" / "restore FILE": with this node's configuration, then exit (README, Backups).
    Environment.ExitCode = await BackupCommand.RunAsync(args, builder.Configuration, Console.Out);
    return;
}
builder.UseDefaultListenAddress();

builder.UseOrleans(silo => silo.AddConcertationSilo(builder.Configuration));
builder.Services.AddPlatform(builder.Configuration);
ProcessCrashPoints.Add(builder.Services, builder.Configuration, builder.Environment);
builder.Services.AddAccounts();
builder.Services.AddLive();
builder.Services.AddMeetings();
builder.Services.AddWorkshops();
builder.Services.AddColloque();
builder.Services.AddPartners();
builder.Services.AddCoordination();
builder.Services.AddReports(builder.Configuration);
builder.Services.AddPortal();
builder.Services.AddLayout();
builder.Services.AddMail(builder.Configuration);
builder.Services.AddParticipation();
builder.Services.AddEvaluations();
builder.Services.AddAttestations();
builder.Services.AddRetention();

var app = builder.Build();

app.UsePlatform();
app.UseAuthentication();
app.UseCsrfProtection();
app.UseRateLimiter();
app.UseAuthorization();

app.MapAccountsApi();
app.MapAuditApi();
app.MapWorkshopsApi();
app.MapLive();
app.MapMeetingsApi();
app.MapColloqueApi();
app.MapPartnersApi();
app.MapCoordinationApi();
app.MapReportsApi();
app.MapPortalApi();
app.MapMailApi();
app.MapEvaluationsApi();
app.MapAttestationsApi();
app.MapCalendarFeeds();
app.MapRetentionApi();
app.MapPlatformEndpoints();
app.MapLayout();

app.PrintStartupBanner();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
