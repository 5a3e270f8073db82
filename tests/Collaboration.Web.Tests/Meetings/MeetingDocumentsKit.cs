using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Collaboration.Web.Tests.Meetings;

/// <summary>Files of the accepted formats (real signatures) and the upload call the browser makes.</summary>
internal static class MeetingDocumentsKit
{
    /// <summary>A PDF header followed by <paramref name="size"/> bytes in all, of a pattern that shows any byte out of place.</summary>
    public static byte[] Pdf(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++) bytes[i] = (byte)(i * 31 % 251);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0];

    /// <summary>A zip holding what makes a Word document (or, without <paramref name="word"/>, a plain zip).</summary>
    public static byte[] Docx(bool word = true)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
                writer.Write(text);
            }
            if (word) Add("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            if (word) Add("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
            Add("notes.txt", "hello");
        }
        return memory.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid meetingId, Guid itemId, string name, HttpContent content) =>
        client.PostAsync($"/api/meetings/{meetingId}/agenda/{itemId}/documents?name={Uri.EscapeDataString(name)}", content);

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid meetingId, Guid itemId, string name, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return UploadAsync(client, meetingId, itemId, name, content);
    }

    /// <summary>The document's id from a 201 answer.</summary>
    public static async Task<Guid> AttachedIdAsync(Task<HttpResponseMessage> upload) =>
        (await upload.OkJsonAsync()).GetProperty("id").GetGuid();

    /// <summary>The problem's code and its French and English messages.</summary>
    public static async Task<(string Code, string Fr, string En)> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        var messages = body.GetProperty("messages");
        return (body.GetProperty("code").GetString()!, messages.GetProperty("fr").GetString()!, messages.GetProperty("en").GetString()!);
    }
}
