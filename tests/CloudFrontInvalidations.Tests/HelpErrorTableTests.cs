using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CloudFrontInvalidations.Errors;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>The help's error tables (docs/en-US, NOTES) say what ErrorMap does, column by column.</summary>
    public sealed class HelpErrorTableTests
    {
        private const string Header = "| ErrorId | Category | Exception | Cause | What to do |";
        private const string StopsCommandNote = " (stops the command)";

        private static readonly string DocsFolder = Path.Combine(RepositoryRoot(), "docs", "en-US");

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "CloudFrontInvalidations.psd1"))) return folder.FullName;
            throw new DirectoryNotFoundException("The repository root (CloudFrontInvalidations.psd1) is not above the test assembly.");
        }

        /// <summary>Each cmdlet help's error table: file name → rows of cells.</summary>
        private static IEnumerable<(string File, string[] Cells)> TableRows() =>
            Directory.GetFiles(DocsFolder, "*-*.md").SelectMany(file =>
                File.ReadLines(file)
                    .SkipWhile(line => line.Trim() != Header).Skip(2)
                    .TakeWhile(line => line.StartsWith("|", StringComparison.Ordinal))
                    .Select(line => (Path.GetFileName(file), line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())));

        public static IEnumerable<object[]> Rows() => TableRows().Select(row => new object[] { row.File, row.Cells[0] });

        [Theory]
        [MemberData(nameof(Rows))]
        public void Each_row_matches_its_ErrorMap_entry_column_by_column(string file, string errorId)
        {
            var cells = TableRows().Single(row => row.File == file && row.Cells[0] == errorId).Cells;
            var entry = ErrorMap.Entries.SingleOrDefault(e => e.ErrorId == errorId);

            Assert.True(entry != null, $"{file} lists {errorId}, which ErrorMap does not have");
            Assert.Equal(5, cells.Length);
            Assert.Equal(entry!.Category.ToString(), cells[1]);
            Assert.Equal(entry.ExceptionType.Name + (entry.StopsCommand ? StopsCommandNote : ""), cells[2]);
            Assert.Equal(entry.Cause, cells[3]);
            Assert.Equal(entry.RecommendedAction, cells[4]);
        }

        [Fact]
        public void Every_ErrorMap_entry_is_in_a_help_error_table_once_per_file()
        {
            var rows = TableRows().ToList();
            Assert.NotEmpty(rows);
            foreach (var entry in ErrorMap.Entries)
                Assert.Contains(rows, row => row.Cells[0] == entry.ErrorId);
            Assert.All(rows.GroupBy(row => (row.File, row.Cells[0])), group => Assert.Single(group));
        }
    }
}
