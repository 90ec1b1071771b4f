using System.Globalization;
using System.Security;
using System.Text;

namespace LocalCloudFront;

/// <summary>Writes CloudFront 2020-05-31 XML bodies byte for byte like the service: no whitespace.</summary>
public static class CloudFrontXml
{
    private const string Namespace = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private const string AccountId = "123456789012";

    public static string InvalidationList(ListPage page, Distribution distribution) =>
        List("InvalidationList", "InvalidationSummary", page, index =>
        {
            InvalidationSummary invalidation = distribution.GetInvalidation(index);
            return Element("Id", invalidation.Id)
                + Element("CreateTime", Timestamp(invalidation.CreateTime))
                + Element("Status", invalidation.Status);
        });

    /// <summary>The GetInvalidation body (the tenant form has the same).</summary>
    public static string Invalidation(InvalidationDetail invalidation)
    {
        var xml = new StringBuilder(512);
        xml.Append($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invalidation xmlns=\"{Namespace}\">");
        xml.Append(Element("Id", invalidation.Summary.Id));
        xml.Append(Element("Status", invalidation.Summary.Status));
        xml.Append(Element("CreateTime", Timestamp(invalidation.Summary.CreateTime)));
        xml.Append("<InvalidationBatch><Paths>");
        xml.Append(Element("Quantity", invalidation.Paths.Count.ToString(CultureInfo.InvariantCulture)));
        xml.Append("<Items>");
        foreach (string path in invalidation.Paths)
        {
            xml.Append(Element("Path", path));
        }
        xml.Append("</Items></Paths>");
        xml.Append(Element("CallerReference", invalidation.CallerReference));
        return xml.Append("</InvalidationBatch></Invalidation>").ToString();
    }

    public static string DistributionList(ListPage page, IReadOnlyList<Distribution> distributions) =>
        List("DistributionList", "DistributionSummary", page, index =>
        {
            Distribution distribution = distributions[index];
            return Element("Id", distribution.Id)
                + Element("ARN", $"arn:aws:cloudfront::{AccountId}:distribution/{distribution.Id}")
                + Element("Status", "Deployed")
                + Element("LastModifiedTime", Timestamp(distribution.LastModifiedTime))
                + Element("DomainName", distribution.Settings.DomainName
                    ?? distribution.Id.ToLowerInvariant() + ".cloudfront.net")
                + Aliases(distribution.Settings.Aliases ?? [])
                + Element("Comment", distribution.Settings.Comment ?? "")
                + Element("Enabled", "true");
        });

    /// <summary>Quantity, and Items of CNAME when there are any, as CloudFront writes an Aliases element.</summary>
    private static string Aliases(List<string> aliases) =>
        "<Aliases>" + Element("Quantity", aliases.Count.ToString(CultureInfo.InvariantCulture))
        + (aliases.Count == 0 ? "" : "<Items>" + string.Concat(aliases.Select(alias => Element("CNAME", alias))) + "</Items>")
        + "</Aliases>";

    public static string Error(CloudFrontError error, string requestId) =>
        $"<?xml version=\"1.0\"?><ErrorResponse xmlns=\"{Namespace}\"><Error>"
        + Element("Type", error.Type)
        + Element("Code", error.Code)
        + Element("Message", error.Message)
        + "</Error>"
        + Element("RequestId", requestId)
        + "</ErrorResponse>";

    /// <summary>The list envelope; Items is omitted when the page is empty, as CloudFront does.</summary>
    private static string List(string root, string itemName, ListPage page, Func<int, string> itemContent)
    {
        var xml = new StringBuilder(256 + page.Quantity * 160);
        xml.Append($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><{root} xmlns=\"{Namespace}\">");
        xml.Append(Element("Marker", page.Marker));
        if (page.NextMarker is not null)
        {
            xml.Append(Element("NextMarker", page.NextMarker));
        }
        xml.Append(Element("MaxItems", page.MaxItems.ToString(CultureInfo.InvariantCulture)));
        xml.Append(Element("IsTruncated", page.IsTruncated ? "true" : "false"));
        xml.Append(Element("Quantity", page.Quantity.ToString(CultureInfo.InvariantCulture)));
        if (page.Quantity > 0)
        {
            xml.Append("<Items>");
            for (int index = page.Start; index < page.End; index++)
            {
                xml.Append($"<{itemName}>").Append(itemContent(index)).Append($"</{itemName}>");
            }
            xml.Append("</Items>");
        }
        return xml.Append($"</{root}>").ToString();
    }

    private static string Element(string name, string value) =>
        $"<{name}>{SecurityElement.Escape(value)}</{name}>";

    private static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
