using Collaboration.Silo.Hosting;
using Collaboration.Web.Accounts;
using Collaboration.Web.Colloque;
using Collaboration.Web.Layout;
using Collaboration.Web.Live;
using Collaboration.Web.Meetings;
using Collaboration.Web.Platform;
using Collaboration.Web.Workshops;

var builder = WebApplication.CreateBuilder(args);

builder.UseOrleans(silo => silo.AddConcertationSilo(builder.Configuration));
builder.Services.AddPlatform(builder.Configuration);
builder.Services.AddAccounts();
builder.Services.AddLive();
builder.Services.AddMeetings();
builder.Services.AddWorkshops();
builder.Services.AddColloque();
builder.Services.AddLayout();

var app = builder.Build();

app.UsePlatform();
app.UseAuthentication();
app.UseCsrfProtection();
app.UseRateLimiter();
app.UseAuthorization();

app.MapAccountsApi();
app.MapWorkshopsApi();
app.MapLive();
app.MapMeetingsApi();
app.MapColloqueApi();
app.MapPlatformEndpoints();
app.MapLayout();

app.PrintStartupBanner();
app.Run();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
