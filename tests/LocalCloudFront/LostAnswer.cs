using System.Text.Json.Serialization;

namespace LocalCloudFront;

/// <summary>How a lost CreateInvalidation answer is lost (creation.loseAnswerBy).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LostAnswer>))]
public enum LostAnswer
{
    ServerError,
    Reset,
}
