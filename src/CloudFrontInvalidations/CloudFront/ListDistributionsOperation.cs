using System.Collections.Generic;
using System.Xml;
using Amazon.Runtime;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    // The subset of AWSSDK.CloudFront's ListDistributions shapes that the module reads, with the same member names.

    /// <summary>Input of the ListDistributions operation.</summary>
    internal sealed class ListDistributionsRequest : CloudFrontRequest
    {
        public string? Marker { get; set; }
        public int? MaxItems { get; set; }

        internal override string OperationName => "ListDistributions";
    }

    /// <summary>Output of the ListDistributions operation.</summary>
    internal sealed class ListDistributionsResponse : AmazonWebServiceResponse
    {
        public DistributionList? DistributionList { get; set; }
    }

    /// <summary>One page of the account's distributions.</summary>
    internal sealed class DistributionList
    {
        public string? Marker { get; set; }
        public string? NextMarker { get; set; }
        public bool? IsTruncated { get; set; }
        public List<DistributionSummary>? Items { get; set; }
    }

    /// <summary>A distribution as ListDistributions describes it (the members completion shows and names resolve by).</summary>
    internal sealed class DistributionSummary
    {
        public string? Id { get; set; }
        /// <summary>The distribution's own name, such as d111111abcdef8.cloudfront.net.</summary>
        public string? DomainName { get; set; }
        /// <summary>Its alternate domain names (CNAMEs, Aliases.Items on the wire), such as www.example.com or *.example.com.</summary>
        public List<string>? Aliases { get; set; }
        public string? Comment { get; set; }
    }

    /// <summary>ListDistributions: <c>GET /2020-05-31/distribution?Marker&amp;MaxItems</c>, keeping what the module uses.</summary>
    internal sealed class ListDistributionsOperation : RestXmlOperation<ListDistributionsRequest, ListDistributionsResponse>
    {
        internal static readonly ListDistributionsOperation Instance = new ListDistributionsOperation();

        private ListDistributionsOperation() : base("GET", "DistributionList", MaxPageBytes) { }

        /// <summary>
        /// A page holds at most 100 summaries, each with the distribution's origins, cache behaviours and aliases: tens of
        /// kilobytes at the service's limits.
        /// </summary>
        internal const long MaxPageBytes = 32L * 1024 * 1024;

        protected override void Bind(ListDistributionsRequest request, HttpRequestValues values)
        {
            values.Uri("distribution");
            values.Query("Marker", request.Marker);
            values.Query("MaxItems", request.MaxItems);
        }

        protected override void ReadResult(XmlReader reader, ListDistributionsRequest request, ListDistributionsResponse response) =>
            response.DistributionList = ReadChildElements(reader, new DistributionList(), static (xml, name, list) =>
            {
                switch (name)
                {
                    case "Marker": list.Marker = Once(xml, list.Marker, ReadString); break;
                    case "NextMarker": list.NextMarker = Once(xml, list.NextMarker, ReadString); break;
                    case "IsTruncated": list.IsTruncated = Once(xml, list.IsTruncated, ReadBool); break;
                    case "Items": list.Items = Once(xml, list.Items, reader => ReadItems(reader, "DistributionSummary", ReadSummary)); break;
                }
            });

        // A DistributionSummary nests Origins, Aliases and more; only its direct children and the aliases are
        // read, the rest is skipped unread.
        private static DistributionSummary ReadSummary(XmlReader reader) =>
            ReadChildElements(reader, new DistributionSummary(), static (xml, name, summary) =>
            {
                switch (name)
                {
                    case "Id": summary.Id = ReadString(xml); break;
                    case "DomainName": summary.DomainName = ReadString(xml); break;
                    // Aliases holds Quantity and, when there are any, Items of CNAME.
                    case "Aliases":
                        ReadChildElements(xml, summary, static (aliases, child, target) =>
                        {
                            if (child == "Items") target.Aliases = ReadItems(aliases, "CNAME", ReadString);
                        });
                        break;
                    case "Comment": summary.Comment = ReadString(xml); break;
                }
            });
    }
}
