using Microsoft.Extensions.Options;

namespace Collaboration.Web.Mail;

/// <summary>
/// In Production every link in every email must reach the site as people reach it, which only the
/// operator knows (a proxy, a domain): a start without <c>Mail:PublicBaseUrl</c> stops and says so,
/// as the organiser bootstrap does. Elsewhere the links follow the address the node listens on.
/// </summary>
public sealed class PublicBaseUrlCheck(IOptions<MailOptions> options, IHostEnvironment environment) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var url = options.Value.PublicBaseUrl;
        if (!string.IsNullOrWhiteSpace(url))
        {
            if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                throw new InvalidOperationException($"Mail:PublicBaseUrl must be an http(s) address (it is \"{url}\").");
            return Task.CompletedTask;
        }
        if (!environment.IsProduction()) return Task.CompletedTask;
        Console.Error.WriteLine("""

            Concertation ne démarre pas : les liens des courriels ne sauraient pas où mener.
            Définissez l'adresse publique du site, puis relancez :
                Mail__PublicBaseUrl=https://concertation.exemple.org
            (variable d'environnement, ou « PublicBaseUrl » dans la section « Mail » d'appsettings.Production.json).

            Concertation is not starting: the links in emails would not know where to lead.
            Set the site's public address, then start again:
                Mail__PublicBaseUrl=https://concertation.example.org
            (environment variable, or "PublicBaseUrl" in the "Mail" section of appsettings.Production.json).

            """);
        throw new InvalidOperationException(
            "Mail:PublicBaseUrl is not set: emails' links would not reach the site. Set it (environment: Mail__PublicBaseUrl).");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
