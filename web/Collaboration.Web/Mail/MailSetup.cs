using Collaboration.Grains.Mail;
using Collaboration.Silo.Hosting;
using Collaboration.Web.Platform;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Collaboration.Web.Mail;

public static class MailSetup
{
    /// <summary>
    /// Email: MailKit over SMTP when <c>Mail:Smtp:Host</c> is set, else .eml files in the pickup
    /// folder; the composer and the delivery every outbox of this node's silo uses.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MailOptions.Section);
        services.Configure<MailOptions>(section);
        services.Configure<MailSchedule>(section);
        services.AddSingleton<MailRate>();
        services.AddSingleton<MailTexts>();
        services.AddSingleton<MailLinks>();
        services.AddSingleton<MailComposer>();
        services.AddSingleton<IMailTransport>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Smtp.Host)
                ? new PickupMailTransport(PickupDirectory(options, configuration, sp.GetRequiredService<IHostEnvironment>()))
                : new SmtpMailTransport(options.Smtp);
        });
        services.AddSingleton<IMailDelivery, MailDelivery>();
        services.AddHostedService<PublicBaseUrlCheck>();
        services.AddSingleton<IBannerLine>(sp => new BannerLine(() =>
            $"  Courriels / Email: {sp.GetRequiredService<IMailTransport>().Destination}"));
        services.AddSingleton<IBannerLine>(sp => new BannerLine(() =>
            $"  Liens des courriels / Email links: {sp.GetRequiredService<MailLinks>().Base}"));
        return services;
    }

    /// <summary><c>Mail:PickupDirectory</c>, or <c>mail/</c> beside the SQLite file (in the working folder with PostgreSQL).</summary>
    public static string PickupDirectory(MailOptions options, IConfiguration configuration, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(options.PickupDirectory)) return Path.GetFullPath(options.PickupDirectory, environment.ContentRootPath);
        if (!StorageProvider.IsPostgres(configuration))
        {
            var file = new SqliteConnectionStringBuilder(configuration.GetConnectionString(StorageProvider.Sqlite)
                ?? StorageProvider.DefaultSqliteConnectionString).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:")
                return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file))!, "mail");
        }
        return Path.GetFullPath("mail");
    }
}
