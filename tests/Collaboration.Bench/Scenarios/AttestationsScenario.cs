using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collaboration.Bench.Harness;
using Collaboration.Testing;
using Collaboration.Web.Attestations;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Collaboration.Bench.Scenarios;

/// <summary>
/// After the event, on one web node (PostgreSQL): the organiser's ZIP of 1,000 attestations (each person read from the
/// session, a verification code issued, a one-page PDF with DejaVu Sans embedded and a vector QR code) against PDFsharp
/// writing the same page 1,000 times in a plain loop, same run, time and CPU per attestation; then 1,000 evaluation
/// invitations (each with its attestation attached) through the outbox to a loopback SMTP server, against MailKit
/// sending the same messages in a plain loop.
/// </summary>
internal sealed class AttestationsScenario : IScenario
{
    public const int Clients = 32;

    public string Name => "attestations";

    public string Title => "Attestations (ZIP) and evaluation emails";

    public async Task<string> RunAsync(BenchContext context)
    {
        var people = context.Quick ? 100 : 1_000;
        var cluster = await context.GetPostgresAsync();
        var database = await cluster.CreateDatabaseAsync("bench_attestations");
        await using var smtp = LoopbackSmtpServer.Start();
        var received = new ConcurrentQueue<(MimeMessage Message, long At)>();
        smtp.OnMessage = message =>
        {
            received.Enqueue((message, Stopwatch.GetTimestamp()));
            return Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        };
        Console.WriteLine("  starting a web node on PostgreSQL, sending to a loopback SMTP server…");
        await using var node = await WebNode.StartAsync(database,
            ("Mail:Smtp:Host", "127.0.0.1"), ("Mail:Smtp:Port", smtp.Port.ToString()), ("Mail:Smtp:Security", "None"), ("Mail:Smtp:Connections", "8"),
            ("Mail:PublicBaseUrl", "http://concertation.bench"));
        using var organiser = node.NewHttpClient(await node.OrganiserCookieAsync());
        organiser.Timeout = TimeSpan.FromMinutes(10);

        Console.WriteLine($"  {people:N0} employers registered and marked present…");
        var session = await SessionAsync(organiser);
        var codes = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(async _ =>
        {
            using var client = node.NewHttpClient();
            for (var i = Interlocked.Increment(ref next); i < people; i = Interlocked.Increment(ref next))
            {
                var response = await client.PostAsJsonAsync($"/api/workshops/{session}/registrations", new
                {
                    organisation = $"Entreprise Lanaudière {i}", contactName = $"Gérald Côté-Bélanger {i}", email = $"present{i}-{Guid.NewGuid():N}@exemple.qc.ca",
                    seats = 1, sector = "Fabrication", consent = true,
                });
                response.EnsureSuccessStatusCode();
                var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString()!;
                codes.Add(code);
                (await organiser.PostAsJsonAsync($"/api/workshops/{session}/registrants/{code}/attendance", new { attended = true })).EnsureSuccessStatusCode();
            }
        }));
        var confirmations = Stopwatch.StartNew();
        while (received.Count < people && confirmations.Elapsed < TimeSpan.FromMinutes(3)) await Task.Delay(50);
        received.Clear();

        // 1. The ZIP, twice (the first issues the codes), against PDFsharp's plain loop.
        var subject = $"workshop:{session:N}";
        Console.WriteLine("  the organiser's ZIP…");
        var (firstSeconds, firstCpu, firstBytes, entries) = await ZipAsync(organiser, subject);
        var (zipSeconds, zipCpu, zipBytes, _) = await ZipAsync(organiser, subject);
        Console.WriteLine("  PDFsharp in a plain loop…");
        var (loopSeconds, loopCpu, loopBytes) = PlainLoop(people);

        // 2. The evaluation invitations through the outbox.
        Console.WriteLine("  evaluation invitations through the outbox…");
        var offered = await organiser.GetFromJsonAsync<JsonElement>($"/api/evaluations/{subject}");
        var now = DateTimeOffset.UtcNow;
        (await organiser.PutAsJsonAsync($"/api/evaluations/{subject}", new
        {
            questions = offered.GetProperty("evaluation").GetProperty("questions"), sendAt = now.AddHours(1), closesAt = now.AddDays(14),
        })).EnsureSuccessStatusCode();
        var cpuBefore = CpuSampler.Take();
        var start = Stopwatch.GetTimestamp();
        (await organiser.PostAsync($"/api/evaluations/{subject}/send", null)).EnsureSuccessStatusCode();
        var recorded = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var wait = Stopwatch.StartNew();
        while (received.Count < people && wait.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(50);
        var arrivals = received.ToArray();
        var mailSeconds = Stopwatch.GetElapsedTime(start, arrivals.Max(a => a.At)).TotalSeconds;
        var mailCpu = (CpuSampler.Take() - cpuBefore).Process;
        var withPdf = arrivals.Count(a => a.Message.Attachments.Any(p => p.ContentType.IsMimeType("application", "pdf")));

        smtp.OnMessage = _ => Task.FromResult(SmtpServer.Protocol.SmtpResponse.Ok);
        using var loop = new SmtpClient();
        await loop.ConnectAsync("127.0.0.1", smtp.Port, SecureSocketOptions.None);
        var loopStart = Stopwatch.GetTimestamp();
        foreach (var (message, _) in arrivals) await loop.SendAsync(message);
        var mailLoopSeconds = Stopwatch.GetElapsedTime(loopStart).TotalSeconds;
        await loop.DisconnectAsync(true);

        var table = new MarkdownTable("variant", "attestations", "seconds", "per second", "CPU ms each", "size")
            .Row("PDFsharp, the same page in a plain loop (baseline)", people.ToString("N0"), loopSeconds.ToString("0.00"),
                (people / loopSeconds).ToString("N0"), (1000 * loopCpu / people).ToString("0.0"), $"{loopBytes / 1024.0 / people:0} KB each")
            .Row("organiser's ZIP, first (codes issued)", entries.ToString("N0"), firstSeconds.ToString("0.00"),
                (entries / firstSeconds).ToString("N0"), (1000 * firstCpu / entries).ToString("0.0"), $"{firstBytes / 1024.0 / 1024:0.0} MB")
            .Row("organiser's ZIP, again", entries.ToString("N0"), zipSeconds.ToString("0.00"),
                (entries / zipSeconds).ToString("N0"), (1000 * zipCpu / entries).ToString("0.0"), $"{zipBytes / 1024.0 / 1024:0.0} MB");
        var mail = new MarkdownTable("variant", "messages", "seconds", "messages/s", "CPU ms each")
            .Row("MailKit, the same messages, plain loop, 1 connection (baseline)", arrivals.Length.ToString("N0"), mailLoopSeconds.ToString("0.00"),
                (arrivals.Length / mailLoopSeconds).ToString("N0"), "")
            .Row("evaluation invitations through the outbox (send pressed → last at the server)", arrivals.Length.ToString("N0"), mailSeconds.ToString("0.00"),
                (arrivals.Length / mailSeconds).ToString("N0"), (1000 * mailCpu / Math.Max(1, arrivals.Length)).ToString("0.0"));
        var text = new StringBuilder();
        text.AppendLine($"""
            One web node on PostgreSQL, {people:N0} employers registered to one workshop session and marked present. **ZIP**: the organiser's
            `…/all.zip` reads who was present, issues (or finds) each verification code in one call, and
            writes one PDF per person (PDFsharp 6.2.4, DejaVu Sans embedded as a subset, uncompressed so `qpdf --check` is clean, QR
            code drawn as vector squares) into a ZIP. Baseline, same run: PDFsharp writing the same page text 1,000 times in a plain
            loop, no font embedding beyond what it needs, no QR, no ZIP. CPU is this process's (the node runs in it), per attestation.

            """);
        text.Append(table);
        text.AppendLine();
        text.AppendLine($"""
            **Evaluation emails**: the organiser presses *Envoyer maintenant*: one write records {people:N0} invitations and their
            emails ({recorded:0.00} s to answer), then the evaluation grain's outbox sends them on 8 pooled connections; each message
            is composed with the person's attestation PDF attached ({withPdf:N0} of {arrivals.Length:N0} had it). Baseline: MailKit
            sending the very same messages on one connection in a plain loop.

            """);
        text.Append(mail);
        text.AppendLine();
        text.AppendLine($"""
            **Reading.** CPU per attestation is the comparable figure: {1000 * zipCpu / entries:0.0} ms in the ZIP ({1000 * firstCpu / entries:0.0} ms the
            first time, when the codes are issued) against {1000 * loopCpu / people:0.0} ms for the bare page: the attestation is a fuller page
            (bilingual text, a QR code of vector squares, the font subset embedded in every file) written uncompressed, then deflated
            into the ZIP. Wall times include waiting for a core when the machine is shared. The emails are bound by composing each
            message with its PDF and by the loopback SMTP server (60–100 ms per message per connection, see *Email through the outbox*).
            """);
        return text.ToString();
    }

    private static async Task<Guid> SessionAsync(HttpClient organiser)
    {
        var starts = DateTimeOffset.UtcNow.AddDays(10);
        var response = await organiser.PostAsJsonAsync("/api/workshops", new
        {
            titleFr = "Recruter et accueillir en Lanaudière", titleEn = "Hiring and welcoming in Lanaudière", startsAt = starts, endsAt = starts.AddHours(3),
            place = "Joliette", capacity = 10_000,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(double Seconds, double Cpu, long Bytes, int Entries)> ZipAsync(HttpClient organiser, string subject)
    {
        var cpu = CpuSampler.Take();
        var start = Stopwatch.GetTimestamp();
        var bytes = await organiser.GetByteArrayAsync($"/api/attestations/{subject}/all.zip");
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var used = (CpuSampler.Take() - cpu).Process;
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return (seconds, used, bytes.Length, zip.Entries.Count);
    }

    /// <summary>The baseline: the same text on one page, 1,000 documents, nothing else.</summary>
    private static (double Seconds, double Cpu, long Bytes) PlainLoop(int count)
    {
        DejaVuFonts.Install();
        var cpu = CpuSampler.Take();
        var start = Stopwatch.GetTimestamp();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            using var pdf = new PdfDocument();
            var page = pdf.AddPage();
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                var font = new XFont(DejaVuFonts.Family, 12, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
                gfx.DrawString("Attestation de participation", font, XBrushes.Black, 72, 72);
                gfx.DrawString($"Gérald Côté-Bélanger {i} — Entreprise Lanaudière {i}", font, XBrushes.Black, 72, 100);
                gfx.DrawString("a participé à « Recruter et accueillir en Lanaudière », d'une durée de 3 heures.", font, XBrushes.Black, 72, 128);
            }
            using var output = new MemoryStream();
            pdf.Save(output, closeStream: false);
            bytes += output.Length;
        }
        return (Stopwatch.GetElapsedTime(start).TotalSeconds, (CpuSampler.Take() - cpu).Process, bytes);
    }
}
