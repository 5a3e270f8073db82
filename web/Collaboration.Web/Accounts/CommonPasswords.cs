using System.Reflection;

namespace Collaboration.Web.Accounts;

/// <summary>
/// The 10,000 most common passwords (SecLists, MIT; see <c>CommonPasswords/SOURCE.md</c>), embedded
/// in the assembly and loaded once.
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    public static bool Contains(string password) => List.Value.Contains(password.Trim());

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Collaboration.Web.Accounts.CommonPasswords.top-10000.txt")
            ?? throw new InvalidOperationException("The embedded list of common passwords is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) set.Add(line);
        return set;
    }
}
