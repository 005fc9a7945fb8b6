namespace SpPlus.Browser.Tests.Infrastructure;

/// <summary>The repository's root folder: the first folder above the test binaries that holds SpPlus.sln.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SpPlus.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SpPlus.sln above {AppContext.BaseDirectory}.");
    }
}
