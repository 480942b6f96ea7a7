namespace AppointmentSlices.Bench.Report; public static class ReportWriter { public static Task<string> WriteAsync(StudyResult r, string folder) => Task.FromResult(folder); }
