using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// AWS.Tools' -Select: what to write for each response. For ListInvalidations, "InvalidationList.Items"
    /// (the default) writes the items; "*" the whole response (how a -NoAutoIteration caller reads
    /// InvalidationList.NextMarker); "^DistributionId" a parameter's value; a dotted property path that
    /// property of the response. Collections are written one element at a time, null values not at all.
    /// New-CFInvalidation selects the same way from the invalidation it writes (default "*").
    /// </summary>
    internal sealed class ResponseSelector
    {
        public const string DefaultSelect = "InvalidationList.Items";
        private const string WholeResponse = "*";
        private const string ParameterPrefix = "^";
        private static readonly string[] ListParameters = { "DistributionId", "DistributionTenantId", "Marker", "MaxItem" };

        private readonly PropertyInfo[] _path;

        private ResponseSelector(PropertyInfo[] path, string? parameterName)
        {
            _path = path;
            ParameterName = parameterName;
        }

        /// <summary>For "^Name": the parameter whose value is written (canonical spelling); otherwise null.</summary>
        public string? ParameterName { get; }

        /// <summary>-Select of Get-CFInvalidationList, on each ListInvalidationsResponse.</summary>
        /// <exception cref="InvalidParameterException">The value is none of the forms above.</exception>
        public static ResponseSelector Parse(string? select) =>
            Parse(select, DefaultSelect, typeof(ListInvalidationsResponse), ListParameters, "'InvalidationList.Items' or 'InvalidationList.NextMarker'");

        /// <param name="select">-Select as given; empty means <paramref name="defaultSelect"/>.</param>
        /// <param name="responseType">The type of what is selected from, whose property paths are valid.</param>
        /// <param name="parameters">The parameters "^Name" may name.</param>
        /// <param name="examples">Property paths the error message suggests: "'Invalidation.Id'".</param>
        /// <exception cref="InvalidParameterException">The value is none of the forms above.</exception>
        public static ResponseSelector Parse(string? select, string defaultSelect, Type responseType, string[] parameters, string examples)
        {
            var text = string.IsNullOrWhiteSpace(select) ? defaultSelect : select!.Trim();
            if (text == WholeResponse) return new ResponseSelector(Array.Empty<PropertyInfo>(), null);
            if (text.StartsWith(ParameterPrefix, StringComparison.Ordinal))
            {
                var name = parameters.FirstOrDefault(p =>
                    string.Equals(p, text.Substring(ParameterPrefix.Length), StringComparison.OrdinalIgnoreCase));
                return name != null ? new ResponseSelector(Array.Empty<PropertyInfo>(), name) : throw Invalid(text, responseType, parameters, examples);
            }

            var path = new List<PropertyInfo>();
            var type = responseType;
            foreach (var segment in text.Split('.'))
            {
                var property = type.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
                    ?? throw Invalid(text, responseType, parameters, examples);
                path.Add(property);
                type = property.PropertyType;
            }
            return new ResponseSelector(path.ToArray(), null);
        }

        /// <summary>
        /// For "^Name": that parameter's value for one listing, as it was bound for its input ("^DistributionId" is
        /// this input's id, not the whole array bound; null for a tenant's listing).
        /// </summary>
        public object? ParameterValue(InvalidationOwner owner, ListingOptions options) => ParameterName switch
        {
            "DistributionId" => owner.IsTenant ? null : owner.Id,
            "DistributionTenantId" => owner.IsTenant ? owner.Id : null,
            "Marker" => options.StartMarker,
            "MaxItem" => options.PageSize,
            _ => null,
        };

        /// <summary>The objects to write for one response (nothing for a "^Name" selector).</summary>
        public IEnumerable<object> Select(object response)
        {
            if (ParameterName != null) yield break;
            object? value = response;
            foreach (var property in _path)
            {
                if (value == null) yield break;
                value = property.GetValue(value);
            }
            if (value is IEnumerable collection && !(value is string))
            {
                foreach (var element in collection)
                    if (element != null) yield return element;
            }
            else if (value != null)
            {
                yield return value;
            }
        }

        private static InvalidParameterException Invalid(string select, Type responseType, string[] parameters, string examples) =>
            new InvalidParameterException("Select",
                $"-Select '{select}' is not valid. Use '*' (each whole {responseType.Name}), " +
                $"'{string.Join("', '", parameters.Select(p => ParameterPrefix + p))}' (that parameter's value), " +
                $"or a property path of the {responseType.Name} such as {examples}.");
    }
}
