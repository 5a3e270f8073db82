namespace Collaboration.Web.Platform;

/// <summary>
/// Where Kestrel listens: whatever the operator says (<c>--urls</c>, <c>ASPNETCORE_URLS</c>,
/// <c>ASPNETCORE_HTTP_PORTS</c>, a <c>Kestrel:Endpoints</c> section), else http://localhost:5080.
/// The default lives here, not in launchSettings.json, whose applicationUrl would override the
/// environment variable under <c>dotnet run</c>.
/// </summary>
public static class ListenAddresses
{
    public const string Default = "http://localhost:5080";

    public static WebApplicationBuilder UseDefaultListenAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = !string.IsNullOrWhiteSpace(configuration["urls"]) || !string.IsNullOrWhiteSpace(configuration["http_ports"]) ||
            !string.IsNullOrWhiteSpace(configuration["https_ports"]) || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!configured) builder.WebHost.UseUrls(Default);
        return builder;
    }
}
