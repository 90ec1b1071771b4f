using System.Text;

namespace LocalCloudFront;

/// <summary>
/// Turns (distribution key, index) into an id shaped like CloudFront's ("I" + 13 of [0-9A-Z]) and back.
/// The mapping is a bijection on 64 bits, so ids are unique within a distribution, and a marker is
/// resolved to its index without keeping any id in memory.
/// </summary>
public static class InvalidationId
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int DigitCount = 13; // 36^13 > 2^64, so every 64-bit value fits.
    private const ulong MultiplierA = 0x9E3779B97F4A7C15;
    private const ulong MultiplierB = 0xBF58476D1CE4E5B9;
    private static readonly ulong InverseA = InverseModulo2Pow64(MultiplierA);
    private static readonly ulong InverseB = InverseModulo2Pow64(MultiplierB);

    public static string Encode(uint distributionKey, int index)
    {
        ulong value = Scramble(((ulong)distributionKey << 32) | (uint)index);
        Span<char> id = stackalloc char[DigitCount + 1];
        id[0] = 'I';
        // Least significant digit first, so the id's leading characters vary as much as its others.
        for (int position = 1; position <= DigitCount; position++)
        {
            id[position] = Alphabet[(int)(value % 36)];
            value /= 36;
        }
        return new string(id);
    }

    public static bool TryDecode(string id, out uint distributionKey, out int index)
    {
        distributionKey = 0;
        index = -1;
        if (id.Length != DigitCount + 1 || id[0] != 'I')
        {
            return false;
        }
        UInt128 value = 0;
        for (int position = DigitCount; position >= 1; position--)
        {
            int digitValue = Alphabet.IndexOf(id[position]);
            if (digitValue < 0)
            {
                return false;
            }
            value = value * 36 + (uint)digitValue;
        }
        if (value > ulong.MaxValue)
        {
            return false;
        }
        ulong plain = Unscramble((ulong)value);
        distributionKey = (uint)(plain >> 32);
        index = (int)(uint)plain;
        return index >= 0;
    }

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static uint KeyOf(string distributionId)
    {
        uint hash = 2166136261;
        foreach (byte b in Encoding.UTF8.GetBytes(distributionId))
        {
            hash = (hash ^ b) * 16777619;
        }
        return hash;
    }

    // Odd multipliers and a 32-bit xor-shift are each invertible modulo 2^64; together they spread
    // consecutive indexes over the whole id space so ids look random.
    private static ulong Scramble(ulong value)
    {
        value *= MultiplierA;
        value ^= value >> 32;
        return value * MultiplierB;
    }

    private static ulong Unscramble(ulong value)
    {
        value *= InverseB;
        value ^= value >> 32;
        return value * InverseA;
    }

    private static ulong InverseModulo2Pow64(ulong odd)
    {
        ulong inverse = odd; // Correct to 3 bits; each Newton step doubles the correct bits.
        for (int step = 0; step < 5; step++)
        {
            inverse *= 2 - odd * inverse;
        }
        return inverse;
    }
}
