namespace Collaboration.Browser.Tests.Infrastructure;

/// <summary>Finds files of the repository from the test's output folder.</summary>
public static class RepositoryPaths
{
    /// <summary>The browser client's folder: web/Collaboration.Web/client.</summary>
    public static string Client => Find("web/Collaboration.Web/client/package.json", directory: true);

    /// <summary>The full path of relative (a path from the repository root), looked for above the test's output folder.</summary>
    public static string Find(string relative, bool directory = false)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return directory ? Path.GetDirectoryName(candidate)! : candidate;
            }
        }
        throw new FileNotFoundException(
            $"{relative} not found above {AppContext.BaseDirectory}. Building the web project runs npm ci, which installs the client's packages.");
    }
}
