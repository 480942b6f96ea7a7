namespace AppointmentSlices.Bench.Hosting;

public static class RepositoryRoot
{
    /// <summary>The folder holding AppointmentSlices.sln, searched upward from the working directory, then from
    /// the bench's own binaries.</summary>
    public static string Find()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "AppointmentSlices.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the bench inside the AppointmentSlices repository.");
    }
}
