using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CloudFrontInvalidations.Errors;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>
    /// The help's one error table (docs/en-US/shared/Errors.md, which every cmdlet page includes in its NOTES)
    /// says what ErrorMap does, column by column.
    /// </summary>
    public sealed class HelpErrorTableTests
    {
        private const string Header = "| ErrorId | Category | Exception | Cause | What to do | Commands |";
        private const string StopsCommandNote = " (stops the command)";
        private const string IncludeMarker = "<!-- include shared/Errors.md -->";

        private static readonly string DocsFolder = Path.Combine(RepositoryRoot(), "docs", "en-US");
        private static readonly string TableFile = Path.Combine(DocsFolder, "shared", "Errors.md");

        private static string RepositoryRoot()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "CloudFrontInvalidations.psd1"))) return folder.FullName;
            throw new DirectoryNotFoundException("The repository root (CloudFrontInvalidations.psd1) is not above the test assembly.");
        }

        /// <summary>The cmdlet pages (Verb-Noun.md), by command name.</summary>
        private static IEnumerable<string> CommandPages() =>
            Directory.GetFiles(DocsFolder, "*-*.md").Select(Path.GetFileNameWithoutExtension)!;

        /// <summary>The table's rows as cells, after its header and separator.</summary>
        private static IEnumerable<string[]> TableRows() =>
            File.ReadLines(TableFile)
                .SkipWhile(line => line.Trim() != Header).Skip(2)
                .TakeWhile(line => line.StartsWith("|", StringComparison.Ordinal))
                .Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToArray());

        public static IEnumerable<object[]> ErrorIds() => TableRows().Select(cells => new object[] { cells[0] });

        [Theory]
        [MemberData(nameof(ErrorIds))]
        public void Each_row_matches_its_ErrorMap_entry_column_by_column(string errorId)
        {
            var cells = TableRows().Single(row => row[0] == errorId);
            var entry = ErrorMap.Entries.SingleOrDefault(e => e.ErrorId == errorId);

            Assert.True(entry != null, $"the help's error table lists {errorId}, which ErrorMap does not have");
            Assert.Equal(6, cells.Length);
            Assert.Equal(entry!.Category.ToString(), cells[1]);
            Assert.Equal(entry.ExceptionType.Name + (entry.StopsCommand ? StopsCommandNote : ""), cells[2]);
            Assert.Equal(entry.Cause, cells[3]);
            Assert.Equal(entry.RecommendedAction, cells[4]);
        }

        [Theory]
        [MemberData(nameof(ErrorIds))]
        public void Each_row_names_the_commands_it_is_shown_for(string errorId)
        {
            var commands = TableRows().Single(row => row[0] == errorId)[5].Split(',').Select(name => name.Trim()).ToList();
            if (commands.SequenceEqual(new[] { "All" })) return;
            Assert.All(commands, name => Assert.Contains(name, CommandPages()));
        }

        [Fact]
        public void Every_ErrorMap_entry_is_in_the_table_once()
        {
            var errorIds = TableRows().Select(row => row[0]).ToList();
            Assert.NotEmpty(errorIds);
            foreach (var entry in ErrorMap.Entries)
                Assert.Single(errorIds, entry.ErrorId);
        }

        [Fact]
        public void Every_cmdlet_page_includes_the_table_and_has_none_of_its_own()
        {
            Assert.NotEmpty(CommandPages());
            foreach (var page in CommandPages())
            {
                var lines = File.ReadAllLines(Path.Combine(DocsFolder, page + ".md"));
                Assert.True(lines.Count(line => line.Trim() == IncludeMarker) == 1, $"{page}.md must include the error table once: {IncludeMarker}");
                Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("| ErrorId", StringComparison.Ordinal));
            }
        }
    }
}
