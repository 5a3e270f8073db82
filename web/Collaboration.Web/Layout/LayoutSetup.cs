using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Collaboration.Web.Layout;

/// <summary>
/// The server-rendered pages (Razor Pages in <c>Pages/</c>, one shell in <c>Pages/Shared/_Layout.cshtml</c>)
/// and the FR/EN messages they and the client share (<c>Messages/*.json</c>).
/// </summary>
public static class LayoutSetup
{
    public static IServiceCollection AddLayout(this IServiceCollection services)
    {
        services.AddSingleton(MessageCatalog.FromAssembly());
        // French text as UTF-8, not &#xE9; entities (the page is served as UTF-8 anyway).
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
        {
            // The addresses from before the server-side layout, still in links, e-mails and bookmarks.
            options.Conventions.AddPageRoute("/Home/Index", "/index.html");
            options.Conventions.AddPageRoute("/Workshops/Catalogue", "/workshops/index.html");
        });
        return services;
    }

    public static WebApplication MapLayout(this WebApplication app)
    {
        app.UseRequestLanguage();
        app.MapRazorPages();
        return app;
    }
}
